package io.chuk.protocol.telnet;

import java.util.Arrays;

import static io.chuk.protocol.telnet.TelnetCommand.IAC;

/**
 * The sub-negotiation being read: its option and body, in a buffer that grows up to a fixed
 * capacity and never past it. A body past the capacity is marked over-long and is to be dropped
 * whole, so no client can grow memory with an {@code IAC SB} that never ends. The buffer starts
 * small, as most sub-negotiations are a few bytes (a window size, a terminal type) and every
 * telnet session has one. Pure code, one per engine.
 */
final class SubnegotiationBuffer {

    /** What a buffer starts with: room for a window size, a terminal type or a charset list. */
    static final int INITIAL_SIZE = 64;

    private final int capacity;
    private byte[] body;
    private int length;
    private int option = -1;
    private boolean overflowed;

    SubnegotiationBuffer(int capacity) {
        this.capacity = capacity;
        this.body = new byte[Math.min(INITIAL_SIZE, capacity)];
    }

    /** {@code IAC SB} (or an aborted one): nothing read yet. */
    void begin() {
        option = -1;
        length = 0;
        overflowed = false;
    }

    /** The first byte after {@code IAC SB}. */
    void option(int value) {
        option = value;
    }

    /** One body byte. */
    void append(int b) {
        if (length == body.length && length < capacity) {
            body = Arrays.copyOf(body, (int) Math.min(capacity, 2L * length));
        }
        if (length < body.length) {
            body[length++] = (byte) b;
        } else {
            overflowed = true;
        }
    }

    /** A 0xFF the peer sent (doubled or not): the option when none was read yet, else a body byte. */
    void appendIac() {
        if (option < 0) {
            option = IAC; // IAC SB IAC IAC: option 255
        } else {
            append(IAC);
        }
    }

    /** The option, or -1 when {@code IAC SB} was followed by nothing but the end. */
    int option() {
        return option;
    }

    int length() {
        return length;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** The body bytes, {@code [0, length())}; valid until the next {@link #append}. */
    byte[] body() {
        return body;
    }

    /** The most it will ever hold. */
    int capacity() {
        return capacity;
    }

    /** How much it holds room for right now: grows with long bodies, never past {@link #capacity()}. */
    int allocated() {
        return body.length;
    }
}
