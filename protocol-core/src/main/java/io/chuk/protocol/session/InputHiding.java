package io.chuk.protocol.session;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.telnet.TelnetOption;

import java.util.function.Consumer;

/**
 * Whether a session's typed input is hidden (a password), and what each transport does about it:
 * on telnet the server takes over echo ({@code WILL ECHO} through the RFC 1143 engine) and echoes
 * nothing, then echo returns to what it was; on {@code websocket} a client that connected with
 * {@code ?hints=1} is sent a hint line; on {@code tcp} nothing can be hidden.
 */
final class InputHiding {

    /** What a {@code websocket} client that asked for hints ({@code ?hints=1}) is sent when input is hidden or shown. */
    static final String HINT_INPUT_HIDDEN = "\u0000chuk:input=hidden";
    static final String HINT_INPUT_VISIBLE = "\u0000chuk:input=visible";

    /** The telnet layer, or {@code null} on other transports. */
    private final TelnetStream telnet;
    /** Sends a hint line on a {@code websocket} session whose client asked for hints, else {@code null}. */
    private final Consumer<String> hints;
    private volatile boolean hidden;
    /** Whether the server echoed (or had asked to) before input was hidden: echo returns to that. */
    private boolean echoedBeforeHiding;

    InputHiding(TelnetStream telnet, Transport transport, RequestInfo request, Consumer<String> sendLine) {
        this.telnet = telnet;
        boolean asked = request != null && request.parameter("hints").filter("1"::equals).isPresent();
        this.hints = transport == Transport.WEBSOCKET && asked ? sendLine : null;
    }

    boolean hidden() {
        return hidden;
    }

    /** Hides or shows input; a request that changes nothing does nothing. */
    void set(boolean hide) {
        boolean echoedBefore;
        synchronized (this) {
            if (hide == hidden) {
                return;
            }
            hidden = hide;
            if (hide && telnet != null) {
                echoedBeforeHiding = telnet.echoRequested();
            }
            echoedBefore = echoedBeforeHiding;
        }
        if (telnet != null) {
            if (!echoedBefore) {
                telnet.requestLocal(TelnetOption.ECHO, hide);
            }
        } else if (hints != null) {
            hints.accept(hide ? HINT_INPUT_HIDDEN : HINT_INPUT_VISIBLE);
        }
    }
}
