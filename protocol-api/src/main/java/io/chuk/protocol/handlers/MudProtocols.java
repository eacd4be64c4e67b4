package io.chuk.protocol.handlers;

import io.chuk.protocol.api.MudProtocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The MUD protocols a handler uses, offered to telnet clients at connect (with EOR, so prompts
 * end with {@code IAC EOR} for clients that agree). A server entry's {@code gmcp}, {@code msdp}
 * and {@code mssp} keys turn each on or off whatever the handler declares. A handler without
 * this annotation negotiates exactly the opening options.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MudProtocols {
    MudProtocol[] value();
}
