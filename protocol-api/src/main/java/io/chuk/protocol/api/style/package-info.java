/**
 * Terminal styling for handlers: colours at any depth, attributes, cursor movement, erasing,
 * window titles and progress bars, all as strings that degrade per session. Start from
 * {@link io.chuk.protocol.api.style.TerminalStyle#of(java.util.Optional)} with the session's
 * {@code terminal()}.
 */
package io.chuk.protocol.api.style;
