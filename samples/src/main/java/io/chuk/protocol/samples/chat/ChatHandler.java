package io.chuk.protocol.samples.chat;

import io.chuk.protocol.api.InputTimeoutException;
import io.chuk.protocol.api.Room;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.style.Color;
import io.chuk.protocol.api.style.TerminalStyle;
import io.chuk.protocol.handlers.TelnetHandler;
import jakarta.enterprise.context.Dependent;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chat sample: one room for every transport. It asks for a nickname, then plain text goes
 * to everyone else in the room; {@code /who} lists who is online with their transports,
 * {@code /msg NICK text} whispers, {@code /me action} acts, {@code /quit} leaves. Lines that
 * arrive while a telnet user is typing are shown above the half-typed line, which is redrawn.
 * Nicknames are coloured where the client shows colour.
 */
@Dependent
public class ChatHandler extends TelnetHandler {

    /** The session attribute holding the nickname; the directory and the monitor show it. */
    public static final String NICK = "nick";
    static final String ROOM = "lobby";
    static final Duration NICK_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern VALID_NICK = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final List<Color> NICK_COLORS = List.of(Color.BRIGHT_CYAN, Color.BRIGHT_GREEN,
            Color.BRIGHT_YELLOW, Color.BRIGHT_MAGENTA, Color.BRIGHT_BLUE, Color.BRIGHT_RED);

    private String nick;
    private Room room;
    private TerminalStyle style;

    @Override
    public void sendWelcome() throws Exception {
        sendLine("Welcome to the chat!");
        askNickname();
    }

    private void askNickname() throws Exception {
        whenAnswered(ask("Choose a nickname: ", NICK_TIMEOUT), (answer, error) -> {
            if (error != null) {
                if (error instanceof InputTimeoutException) {
                    endSession("No nickname chosen. Goodbye!");
                }
                return;
            }
            String wanted = answer.trim();
            if (!VALID_NICK.matcher(wanted).matches()) {
                sendLine("A nickname is 1 to 20 letters, digits, '_' or '-'.");
                askNickname();
            } else if (findByNick(wanted).isPresent()) {
                sendLine("The nickname " + wanted + " is taken.");
                askNickname();
            } else {
                enter(wanted);
            }
        });
    }

    private void enter(String chosen) throws Exception {
        nick = chosen;
        style = TerminalStyle.of(session().terminal());
        session().attributes().put(NICK, nick);
        room = directory().room(ROOM);
        room.join(session().id());
        room.broadcastExcept(session().id(), "* " + nick + " joined (" + session().transport() + ")");
        sendLine("Hello " + nick + "! Commands: /who, /msg NICK text, /me action, /quit");
        showPrompt();
    }

    @Override
    public void processLine(String line) throws Exception {
        String text = line.strip();
        if (!text.isEmpty()) {
            say(text);
        }
        if (!isSessionEnded()) {
            showPrompt();
        }
    }

    private void say(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("/quit")) {
            endSession("Goodbye!");
        } else if (lower.equals("/who")) {
            who();
        } else if (lower.startsWith("/msg ")) {
            whisper(text.substring(5).strip());
        } else if (lower.startsWith("/me ")) {
            room.broadcast("* " + nick + " " + text.substring(4).strip());
        } else if (text.startsWith("/")) {
            sendLine("Unknown command " + text.split(" ", 2)[0] + ". Commands: /who, /msg NICK text, /me action, /quit");
        } else {
            room.broadcastExcept(session().id(), "<" + nick + "> " + text);
        }
    }

    private void who() {
        List<SessionInfo> members = members();
        sendLine("Online (" + members.size() + "):");
        for (SessionInfo member : members) {
            sendLine("  " + member.attribute(NICK) + " (" + member.transport() + ")");
        }
    }

    private void whisper(String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            sendLine("Usage: /msg NICK text");
            return;
        }
        Optional<SessionInfo> target = findByNick(parts[0]);
        if (target.isEmpty()) {
            sendLine("No such user: " + parts[0]);
            return;
        }
        directory().sendLine(target.get().id(), "*" + nick + "* " + parts[1]);
        sendLine("-> " + target.get().attribute(NICK) + ": " + parts[1]);
    }

    /** Notices arrive from other sessions: colour the sender's nickname where the client can show it. */
    @Override
    public void onNotice(String line) throws Exception {
        super.onNotice(colourNick(line));
    }

    private String colourNick(String line) {
        if (style == null || !line.startsWith("<")) {
            return line;
        }
        int end = line.indexOf("> ");
        if (end < 0) {
            return line;
        }
        String sender = line.substring(1, end);
        Color color = NICK_COLORS.get(Math.floorMod(sender.hashCode(), NICK_COLORS.size()));
        return "<" + style.fg(color).bold().apply(sender) + line.substring(end);
    }

    @Override
    public void onDisconnect() throws Exception {
        if (room != null) {
            room.leave(session().id());
            room.broadcast("* " + nick + " left");
        }
        super.onDisconnect();
    }

    private List<SessionInfo> members() {
        return room.members().stream()
                .map(id -> directory().find(id))
                .flatMap(Optional::stream)
                .filter(info -> info.attribute(NICK) != null)
                .sorted(Comparator.comparing(info -> info.attribute(NICK).toLowerCase(Locale.ROOT)))
                .toList();
    }

    private Optional<SessionInfo> findByNick(String wanted) {
        return directory().room(ROOM).members().stream()
                .map(id -> directory().find(id))
                .flatMap(Optional::stream)
                .filter(info -> wanted.equalsIgnoreCase(info.attribute(NICK)))
                .findFirst();
    }
}
