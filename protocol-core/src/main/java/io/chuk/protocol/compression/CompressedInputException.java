package io.chuk.protocol.compression;

/** Compressed input the server will not take: it is corrupt, or expands past a bound. */
public final class CompressedInputException extends Exception {

    private final String clientMessage;

    CompressedInputException(String reason, String clientMessage) {
        super(reason, null, false, false);
        this.clientMessage = clientMessage;
    }

    /** What the client is told before the session closes. */
    public String clientMessage() {
        return clientMessage;
    }
}
