package io.chuk.protocol.directory;

import io.chuk.protocol.api.Room;

import java.util.Set;

/** A handle on one room of the {@link LocalSessionDirectory}; the membership lives there. */
final class LocalRoom implements Room {

    private final LocalSessionDirectory directory;
    private final String name;

    LocalRoom(LocalSessionDirectory directory, String name) {
        this.directory = directory;
        this.name = java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean join(String sessionId) {
        return directory.join(name, sessionId);
    }

    @Override
    public boolean leave(String sessionId) {
        return directory.leave(name, sessionId);
    }

    @Override
    public Set<String> members() {
        return directory.members(name);
    }

    @Override
    public int broadcast(String line) {
        return broadcastExcept(null, line);
    }

    @Override
    public int broadcastExcept(String exceptSessionId, String line) {
        int sent = 0;
        for (String member : directory.members(name)) {
            if (!member.equals(exceptSessionId) && directory.sendLine(member, line)) {
                sent++;
            }
        }
        return sent;
    }
}
