/**
 * A handler test kit, in the spirit of Netty's {@code EmbeddedChannel}: a handler runs in the real
 * session engine, in memory, with no sockets, and a test types into it and reads what it shows.
 *
 * <pre>{@code
 * try (TestSession client = HandlerTestKit.open(MyHandler.class, Transport.TELNET)) {
 *     client.sendLine("hello");
 *     assertEquals(List.of("Echo: hello"), client.takeLines());
 * }
 * }</pre>
 *
 * <p>Every call returns once the session is quiet (all input handled, callbacks finished or
 * waiting in {@code await} for more input), so a test needs no sleeps. The engine that does the
 * work is found at run time ({@link TestKitProvider}, in {@code protocol-core}): put
 * {@code protocol-core} on the test class path.
 */
package io.chuk.protocol.testkit;
