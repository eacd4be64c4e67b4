package io.chuk.protocol.session;

import java.util.Arrays;

/**
 * The monitor's and the recorder's copies of one session's traffic: empty, and free, unless
 * someone watches. The taps are an array replaced on change (taps change rarely and are read on
 * every message), which an idle session holds as one shared empty array.
 */
final class SessionTaps {

    private static final SessionTap[] NONE = new SessionTap[0];

    private volatile SessionTap[] taps = NONE;

    synchronized void add(SessionTap tap) {
        SessionTap[] grown = Arrays.copyOf(taps, taps.length + 1);
        grown[taps.length] = tap;
        taps = grown;
    }

    synchronized void remove(SessionTap tap) {
        SessionTap[] current = taps;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == tap) {
                SessionTap[] shrunk = new SessionTap[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                taps = current.length == 1 ? NONE : shrunk;
                return;
            }
        }
    }

    boolean isEmpty() {
        return taps.length == 0;
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
        SessionTap[] taps = this.taps;
        if (taps.length == 0) {
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
