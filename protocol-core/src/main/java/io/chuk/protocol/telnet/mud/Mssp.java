package io.chuk.protocol.telnet.mud;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** MSSP's answer to a client's {@code DO MSSP}: {@code MSSP_VAR name MSSP_VAL value}, once per variable. */
public final class Mssp {

    public static final int VAR = 1;
    public static final int VAL = 2;

    private Mssp() {
    }

    /**
     * The sub-negotiation body for {@code variables}, in their order.
     *
     * @throws IllegalArgumentException for an empty name, or a name or value holding NUL, MSSP_VAR or MSSP_VAL
     */
    public static byte[] encode(Map<String, String> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        variables.forEach((name, value) -> {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an MSSP variable name must not be empty");
            }
            out.write(VAR);
            out.writeBytes(checked(name).getBytes(StandardCharsets.UTF_8));
            out.write(VAL);
            out.writeBytes(checked(value).getBytes(StandardCharsets.UTF_8));
        });
        return out.toByteArray();
    }

    /** Why {@code text} cannot be an MSSP name or value, or null. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) <= VAL) {
                return "has a NUL, MSSP_VAR or MSSP_VAL byte at " + i;
            }
        }
        return null;
    }

    private static String checked(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException("MSSP text '" + text + "' " + problem);
        }
        return text;
    }
}
