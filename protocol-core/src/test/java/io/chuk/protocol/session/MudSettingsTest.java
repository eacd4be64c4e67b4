package io.chuk.protocol.session;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.handlers.MudProtocols;
import io.chuk.protocol.handlers.TelnetHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an entry offers: the handler's declaration, overridden by the gmcp, msdp and mssp keys; the MSSP answer. */
class MudSettingsTest {

    @MudProtocols({MudProtocol.GMCP, MudProtocol.MSSP, MudProtocol.MCCP2})
    public static class Declaring extends TelnetHandler {
    }

    public static class Silent extends TelnetHandler {
    }

    private final ConfigLoader loader = new ConfigLoader(MudSettingsTest.class.getClassLoader());

    private ServerConfig load(String transport, Class<?> handler, String extra) throws ConfigException {
        return loader.parse("transport: " + transport + "\nhandler_class: " + handler.getName() + "\n" + extra,
                "mud.yaml").servers().get(0);
    }

    @Test
    void theHandlersDeclarationDecidesUnlessAKeyIsSet() throws ConfigException {
        assertEquals(Set.of(25, 70, 201), MudSettings.of(load("telnet", Declaring.class, "")).offeredOptions(),
                "GMCP, MSSP and EOR; MCCP2 is not decided here");
        assertEquals(Set.of(25, 69, 70), MudSettings.of(load("ws_telnet", Declaring.class, "gmcp: false\nmsdp: true\n"))
                .offeredOptions());
        assertEquals(Set.of(), MudSettings.of(load("telnet", Silent.class, "")).offeredOptions(),
                "declaring nothing offers nothing, not even EOR");
        assertEquals(Set.of(25, 201), MudSettings.of(load("telnet", Silent.class, "gmcp: true\n")).offeredOptions());
        assertEquals(Set.of(), MudSettings.of(load("tcp", Declaring.class, "")).offeredOptions(), "no telnet, no options");
    }

    @Test
    void msspNamesTheEntryItsPlayersAndItsStartThenTheConfiguredVariables() throws ConfigException {
        MudSettings plain = MudSettings.of(load("telnet", Declaring.class, ""));
        assertEquals("\u0001NAME\u0002telnet\u0001PLAYERS\u00023\u0001UPTIME\u00021700000000",
                new String(plain.msspBody(3, 1_700_000_000L), StandardCharsets.UTF_8));
        MudSettings named = MudSettings.of(load("telnet", Declaring.class,
                "mssp_variables:\n  NAME: Tiny MUD\n  CODEBASE: chuk\n  PORT: 4000\n"));
        assertEquals("\u0001NAME\u0002Tiny MUD\u0001PLAYERS\u00020\u0001UPTIME\u00021\u0001CODEBASE\u0002chuk"
                + "\u0001PORT\u00024000", new String(named.msspBody(0, 1L), StandardCharsets.UTF_8));
    }

    @Test
    void badKeysAreReportedByName() throws ConfigException {
        String notBool = assertThrows(ConfigException.class, () -> load("telnet", Declaring.class, "gmcp: auto\n"))
                .getMessage();
        assertTrue(notBool.contains("gmcp: must be true or false"), notBool);
        String notMap = assertThrows(ConfigException.class,
                () -> load("telnet", Declaring.class, "mssp_variables: [a]\n")).getMessage();
        assertTrue(notMap.contains("mssp_variables: must be a map of names to values"), notMap);
        String control = assertThrows(ConfigException.class,
                () -> load("telnet", Declaring.class, "mssp_variables: {NAME: \"a\\u0001b\"}\n")).getMessage();
        assertTrue(control.contains("mssp_variables: entry 'NAME' has a control character"), control);
        String nested = assertThrows(ConfigException.class,
                () -> load("telnet", Declaring.class, "mssp_variables: {NAME: [x]}\n")).getMessage();
        assertTrue(nested.contains("must be text, a number or a boolean"), nested);
        assertEquals(Map.of(), load("telnet", Declaring.class, "").msspVariables(), "unset: no further variables");
    }
}
