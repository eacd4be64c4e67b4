package io.chuk.protocol.cluster.redis;

/**
 * What nodes publish to each other, as {@link Fields} text: {@code t} is the type, {@code n} the
 * sending node.
 */
final class Message {

    /** A session's entry changed (it joined or left a room): {@code i} id, {@code e} entry. */
    static final String UPSERT = "U";
    /** A session ended: {@code i} id. */
    static final String REMOVE = "R";
    /** A line to every session but {@code x}: {@code l} line. */
    static final String BROADCAST = "B";
    /** A line to the members of room {@code r} but {@code x}: {@code l} line. */
    static final String ROOM = "M";
    /** A line to one session {@code i} of the receiving node: {@code l} line. */
    static final String LINE = "L";
    /**
     * To the node of session {@code i}: the sender's monitor watches it, wanting the streams
     * {@code m} ({@code l} lines, {@code t} terminal, or both); repeated every heartbeat as the
     * watch's lease.
     */
    static final String WATCH = "W";
    /** To the watching node: the sender refused its watch of session {@code i} (too many watches). */
    static final String REFUSED = "F";
    /** To the node of session {@code i}: the sender's monitor stopped watching it. */
    static final String UNWATCH = "X";
    /** To the node of session {@code i}: close it with the line {@code l}. */
    static final String KICK = "K";
    /** To the node of session {@code i}: feed it {@code l} as if its user typed it. */
    static final String INJECT = "J";
    /** The sending node left the cluster. */
    static final String BYE = "G";

    private Message() {
    }

    static Fields of(String type, String node) {
        return new Fields().add("t", type).add("n", node);
    }
}
