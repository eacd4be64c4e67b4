/**
 * Helpers shared by the tests of jetty-standalone and war: the real programs they drive as child
 * processes (the packaged launcher jar, {@code redis-server}), fixed loopback ports for programs that
 * cannot report a port of their own choosing, and the installer of the real client programs. Every
 * wait here is bounded, and a failure is an {@link AssertionError} carrying the program's output.
 */
package io.chuk.protocol.testsupport;
