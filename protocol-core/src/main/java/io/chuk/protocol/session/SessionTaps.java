package io.chuk.protocol.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The monitor's and the recorder's copies of one session's traffic: empty, and free, unless someone watches. */
final class SessionTaps {

    private final List<SessionTap> taps = new CopyOnWriteArrayList<>();

    void add(SessionTap tap) {
        taps.add(tap);
    }

    void remove(SessionTap tap) {
        taps.remove(tap);
    }

    boolean isEmpty() {
        return taps.isEmpty();
    }

    void input(byte[] bytes) {
        for (SessionTap tap : taps) {
            tap.input(bytes);
        }
    }

    void input(String text) {
        for (SessionTap tap : taps) {
            tap.input(text);
        }
    }

    void output(String text) {
        for (SessionTap tap : taps) {
            tap.output(text);
        }
    }

    void output(byte[] bytes) {
        for (SessionTap tap : taps) {
            tap.output(bytes);
        }
    }

    void terminalOutput(byte[] telnetBytes) {
        if (taps.isEmpty()) {
            return;
        }
        byte[] terminal = TelnetOutputFilter.strip(telnetBytes);
        if (terminal.length > 0) {
            for (SessionTap tap : taps) {
                tap.terminalOutput(terminal);
            }
        }
    }

    void windowSize(int width, int height) {
        for (SessionTap tap : taps) {
            tap.windowSize(width, height);
        }
    }
}
