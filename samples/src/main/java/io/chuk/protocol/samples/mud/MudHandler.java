package io.chuk.protocol.samples.mud;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.handlers.MudProtocols;
import io.chuk.protocol.handlers.TelnetHandler;
import jakarta.enterprise.context.Dependent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MUD sample: a two-room world answering {@code look}, {@code north}/{@code south}
 * ({@code n}/{@code s}), {@code say <text>} (to the others in the room) and {@code who}. MUD
 * clients such as TinTin++ or Mudlet get {@code Char.Vitals} and {@code Room.Info} over GMCP and
 * {@code ROOM_NAME}/{@code HEALTH} over MSDP (on login and on moving), and the server's status
 * over MSSP; prompts end with {@code IAC EOR} for them. A plain telnet client refuses all that
 * and sees only the text.
 */
@Dependent
@MudProtocols({MudProtocol.GMCP, MudProtocol.MSDP, MudProtocol.MSSP, MudProtocol.MCCP2})
public class MudHandler extends TelnetHandler {

    /** The session attribute with the player's name; {@code who} and the monitor show it. */
    static final String NAME = "name";
    /** The session attribute with the player's room number. */
    static final String ROOM = "mud.room";
    static final int MAX_HP = 100;

    private MudWorld.Place place;
    private String name;

    @Override
    public void sendWelcome() throws Exception {
        telnet().ifPresent(t -> t.setCharacterMode(false)); // MUD clients edit their own lines
        name = "Adventurer-" + session().id().substring(0, 4);
        session().attributes().put(NAME, name);
        sendLine("Welcome to the tiny MUD, " + name + "! Commands: look, north (n), south (s), say <text>, who, quit");
        enter(MudWorld.SQUARE);
        showPrompt();
    }

    @Override
    public void onMudProtocol(MudProtocol protocol, boolean enabled) {
        if (protocol == MudProtocol.GMCP && enabled) {
            sendState(); // what was sent before the client agreed did not reach it
        }
    }

    @Override
    public void onCommandSubmitted(String command) throws Exception {
        String[] words = command.strip().split("\\s+", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.equals("look") || verb.equals("l")) {
            look();
        } else if (verb.equals("say")) {
            say(words.length > 1 ? words[1].strip() : "");
        } else if (verb.equals("who")) {
            who();
        } else {
            MudWorld.direction(verb).ifPresentOrElse(this::go,
                    () -> sendLine("Huh? Commands: look, north (n), south (s), say <text>, who, quit"));
        }
    }

    @Override
    public void onDisconnect() throws Exception {
        if (place != null) {
            directory().room(place.roomName()).broadcastExcept(session().id(), name + " vanishes.");
        }
        super.onDisconnect();
    }

    private void go(String direction) {
        Integer target = place.exits().get(direction);
        if (target == null) {
            sendLine("You cannot go that way.");
            return;
        }
        directory().room(place.roomName()).leave(session().id());
        directory().room(place.roomName()).broadcast(name + " leaves.");
        enter(MudWorld.place(target));
    }

    private void enter(MudWorld.Place next) {
        place = next;
        session().attributes().put(ROOM, next.num());
        directory().room(next.roomName()).broadcastExcept(session().id(), name + " arrives.");
        directory().room(next.roomName()).join(session().id());
        look();
        sendState();
    }

    private void look() {
        sendLine(place.name());
        sendLine(place.description());
        sendLine("Exits: " + String.join(" ", place.exits().keySet().stream().sorted().toList()));
    }

    private void say(String text) {
        if (text.isEmpty()) {
            sendLine("Say what?");
            return;
        }
        directory().room(place.roomName()).broadcastExcept(session().id(), name + " says: " + text);
        sendLine("You say: " + text);
    }

    private void who() {
        List<SessionInfo> players = directory().sessions().stream()
                .filter(s -> s.attribute(ROOM) != null && s.attribute(NAME) != null)
                .sorted(Comparator.comparing(s -> s.attribute(NAME))).toList();
        sendLine("Players online (" + players.size() + "):");
        for (SessionInfo player : players) {
            sendLine("  " + player.attribute(NAME) + " in "
                    + MudWorld.place(Integer.parseInt(player.attribute(ROOM))).name());
        }
    }

    /** The player's vitals and room, to MUD clients that agreed to GMCP or MSDP. */
    private void sendState() {
        Map<String, Object> vitals = new LinkedHashMap<>();
        vitals.put("hp", MAX_HP);
        vitals.put("maxhp", MAX_HP);
        sendGmcp("Char.Vitals", vitals);
        sendGmcp("Room.Info", place.roomInfo());
        msdp().set("HEALTH", MAX_HP);
        msdp().set("HEALTH_MAX", MAX_HP);
        msdp().set("ROOM_NAME", place.name());
        msdp().set("ROOM_VNUM", place.num());
    }
}
