package io.chuk.protocol.session;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.handlers.MudProtocols;
import io.chuk.protocol.telnet.TelnetOption;
import io.chuk.protocol.telnet.mud.Mssp;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which MUD protocols one server entry offers: what its handler declares with
 * {@link MudProtocols}, each turned on or off by the entry's {@code gmcp}, {@code msdp} and
 * {@code mssp} keys when they are set. EOR goes with any of them, so MUD clients can tell
 * prompts apart. MCCP is not decided here.
 *
 * @param name          the entry's name, MSSP's {@code NAME} unless {@code msspVariables} has one
 * @param msspVariables the entry's {@code mssp_variables}
 */
record MudSettings(boolean gmcp, boolean msdp, boolean mssp, String name, Map<String, String> msspVariables) {

    /** Nothing offered: the opening negotiation only. */
    static final MudSettings NONE = new MudSettings(false, false, false, "", Map.of());

    static MudSettings of(ServerConfig config) {
        if (!config.transport().speaksTelnet()) {
            return NONE;
        }
        MudProtocols declared = config.handlerType().getAnnotation(MudProtocols.class);
        Set<MudProtocol> protocols = EnumSet.noneOf(MudProtocol.class);
        if (declared != null) {
            protocols.addAll(java.util.List.of(declared.value()));
        }
        return new MudSettings(decide(config.gmcp(), protocols.contains(MudProtocol.GMCP)),
                decide(config.msdp(), protocols.contains(MudProtocol.MSDP)),
                decide(config.mssp(), protocols.contains(MudProtocol.MSSP)), config.name(), config.msspVariables());
    }

    private static boolean decide(Boolean key, boolean declared) {
        return key == null ? declared : key;
    }

    /**
     * What a client that sent {@code DO MSSP} is told: {@code NAME}, {@code PLAYERS} and
     * {@code UPTIME} (when the server started, in Unix seconds, as MSSP defines it), then the
     * configured variables ({@code NAME} among them replaces the entry's name).
     */
    byte[] msspBody(int players, long startedEpochSeconds) {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        variables.put("NAME", name);
        variables.put("PLAYERS", Integer.toString(players));
        variables.put("UPTIME", Long.toString(startedEpochSeconds));
        variables.putAll(msspVariables);
        return Mssp.encode(variables);
    }

    /** The options offered ({@code WILL}) after the opening negotiation. */
    Set<Integer> offeredOptions() {
        Set<Integer> options = new TreeSet<>();
        if (gmcp) {
            options.add(TelnetOption.GMCP);
        }
        if (msdp) {
            options.add(TelnetOption.MSDP);
        }
        if (mssp) {
            options.add(TelnetOption.MSSP);
        }
        if (!options.isEmpty()) {
            options.add(TelnetOption.EOR);
        }
        return options;
    }
}
