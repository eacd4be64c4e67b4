package io.chuk.protocol.bench;

/** A running set of client connections, each echoing in a loop, counting verified answers. */
interface Load extends AutoCloseable {

    /** Answers received and checked so far, over all connections. */
    long completed();

    /** Client reads that brought answers, or -1 where the client cannot tell (WebSocket). */
    default long answerReads() {
        return -1;
    }

    /** The first error (wrong answer, connection lost), or null. */
    Throwable failure();

    /** Stops sending, closes every connection and its threads. */
    @Override
    void close();
}
