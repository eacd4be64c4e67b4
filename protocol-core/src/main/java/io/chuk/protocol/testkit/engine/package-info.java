/**
 * The session engine's side of the handler test kit ({@link io.chuk.protocol.testkit}): real
 * {@link io.chuk.protocol.session.ProtocolSession}s on an in-memory channel, a simulated client,
 * a virtual clock, and the bookkeeping that tells when sessions are quiet.
 */
package io.chuk.protocol.testkit.engine;
