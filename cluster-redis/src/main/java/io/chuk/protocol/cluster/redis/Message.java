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
    /** The sending node left the cluster. */
    static final String BYE = "G";

    private Message() {
    }

    static Fields of(String type, String node) {
        return new Fields().add("t", type).add("n", node);
    }
}
