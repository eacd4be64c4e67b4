package io.chuk.protocol.telnet;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A listener that writes down everything, in order. Consecutive data callbacks are merged, so
 * two recordings of the same stream compare equal however the stream was split into reads.
 */
class Recorder implements TelnetListener {
    final List<Object> events = new ArrayList<>();
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    final List<byte[]> batches = new ArrayList<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();

    @Override
    public void onData(byte[] buf, int off, int len) {
        if (len <= 0) {
            throw new AssertionError("empty onData");
        }
        data.write(buf, off, len);
        Object last = events.isEmpty() ? null : events.get(events.size() - 1);
        if (last instanceof ByteArrayOutputStream) {
            ((ByteArrayOutputStream) last).write(buf, off, len);
        } else {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.write(buf, off, len);
            events.add(chunk);
        }
    }

    @Override
    public void onSend(byte[] bytes) {
        if (bytes.length == 0) {
            throw new AssertionError("empty onSend");
        }
        batches.add(bytes);
        sent.write(bytes, 0, bytes.length);
    }

    @Override
    public void onNegotiationSeen() {
        events.add("seen");
    }

    @Override
    public void onTerminalType(String terminalType) {
        events.add("ttype:" + terminalType);
    }

    @Override
    public void onWindowSize(int width, int height) {
        events.add("naws:" + width + "x" + height);
    }

    @Override
    public void onEnvironment(Map<String, String> environment) {
        events.add("env:" + environment);
    }

    @Override
    public void onCharset(String charset) {
        events.add("charset:" + charset);
    }

    @Override
    public void onOptionChanged(int option, boolean local, boolean enabled) {
        events.add("opt:" + (local ? "local:" : "remote:") + TelnetOption.name(option) + ":" + enabled);
    }

    @Override
    public void onSubnegotiation(int option, byte[] body, int off, int len) {
        events.add("sb:" + TelnetOption.name(option) + ":" + HexFormat.of().formatHex(body, off, off + len));
    }

    @Override
    public void onInterrupt() {
        events.add("IP");
    }

    @Override
    public void onBreak() {
        events.add("BRK");
    }

    @Override
    public void onAbortOutput() {
        events.add("AO");
    }

    @Override
    public void onEraseCharacter() {
        events.add("EC");
    }

    @Override
    public void onEraseLine() {
        events.add("EL");
    }

    /** Events as strings; data as {@code data:<hex>}. */
    List<String> eventStrings() {
        List<String> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof ByteArrayOutputStream) {
                out.add("data:" + HexFormat.of().formatHex(((ByteArrayOutputStream) e).toByteArray()));
            } else {
                out.add((String) e);
            }
        }
        return out;
    }

    /** Events other than data and "seen". */
    List<String> namedEvents() {
        List<String> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof String && !"seen".equals(e)) {
                out.add((String) e);
            }
        }
        return out;
    }

    byte[] sentBytes() {
        return sent.toByteArray();
    }

    byte[] dataBytes() {
        return data.toByteArray();
    }

    void clearSent() {
        sent.reset();
        batches.clear();
    }
}
