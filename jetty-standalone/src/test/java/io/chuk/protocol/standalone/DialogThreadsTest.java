package io.chuk.protocol.standalone;

import io.chuk.protocol.session.SessionHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions waiting in a dialog hold no thread: 1,000 sessions each asked for a user name (the
 * login sample's {@code ask}) leave the process's platform thread count where it was, and are
 * all served afterwards. Straight-line {@code await} dialogs cost no platform thread on virtual
 * threads (Java 21+), and at most the entry's {@code handler_threads} on Java 17, where the
 * sessions beyond it wait their turn and are still all served.
 */
class DialogThreadsTest {

    private static final int DIALOGS = 1000;
    private static final int AWAITING = 100;
    private static final int HANDLER_THREADS = 8;
    /** Threads Jetty's pool (at most 200) and the JVM may add while 1,000 clients connect. */
    private static final int SLACK = 220;

    @Test
    void aThousandSessionsInADialogHoldNoThreads() throws Exception {
        try (RunningServer running = new RunningServer(entry("tcp", "io.chuk.protocol.samples.login.LoginHandler"))) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int baseline = threads.getThreadCount();
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < DIALOGS; i++) {
                    clients.add(new LineClient(running.port("dialogs")));
                }
                for (LineClient client : clients) {
                    client.await("Username: ");
                }
                Await.until(() -> threadsInCallbacks() == 0, () -> threadsInCallbacks() + " threads inside callbacks");
                int waiting = threads.getThreadCount();
                assertTrue(waiting <= baseline + HANDLER_THREADS + SLACK, DIALOGS + " sessions in a dialog: " + waiting
                        + " threads, baseline " + baseline + " + slack " + SLACK);
                for (LineClient client : clients) {
                    client.send("demo\n");
                }
                for (LineClient client : clients) {
                    client.await("Password: ");
                    client.send("demo\n");
                }
                for (LineClient client : clients) {
                    client.await("Login successful. Welcome, demo!");
                }
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void awaitingDialogsStayWithinTheThreadBudgetAndAreAllServed() throws Exception {
        try (RunningServer running = new RunningServer(entry("tcp", AwaitingDialogHandler.class.getName()))) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int baseline = threads.getThreadCount();
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < AWAITING; i++) {
                    clients.add(new LineClient(running.port("dialogs")));
                }
                // On virtual threads every session waits at once; on Java 17 as many as the budget,
                // and the others wait their turn.
                int asked = SessionHost.virtualThreads() ? AWAITING : HANDLER_THREADS;
                Await.until(() -> AwaitingDialogHandler.WAITING.get() == asked,
                        () -> "sessions in await: " + AwaitingDialogHandler.WAITING.get() + " of " + asked);
                int budget = SessionHost.virtualThreads() ? 0 : HANDLER_THREADS;
                if (!SessionHost.virtualThreads()) { // virtual threads are not in Thread.getAllStackTraces()
                    assertEquals(asked, threadsInCallbacks(), "callbacks blocked in await");
                }
                int peak = threads.getThreadCount();
                assertTrue(peak <= baseline + budget + SLACK, AWAITING + " sessions in await: " + peak
                        + " threads, baseline " + baseline + " + budget " + budget + " + slack " + SLACK);
                for (int i = 0; i < AWAITING; i++) {
                    clients.get(i).send("user" + i + "\nblue\n");
                }
                for (int i = 0; i < AWAITING; i++) {
                    LineClient client = clients.get(i);
                    client.await("Name? ");
                    client.await("Colour? ");
                    client.await("Hello user" + i + ", you like blue");
                }
            } finally {
                closeAll(clients);
            }
        }
    }

    /** Platform threads now running a handler callback. */
    private static int threadsInCallbacks() {
        int count = 0;
        for (var stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("io.chuk.protocol.session.HandlerInvoker")) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static String entry(String transport, String handler) {
        return """
                servers:
                  dialogs:
                    port: 0
                    transport: %s
                    handler_threads: %d
                    max_connections: 2000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: %s
                """.formatted(transport, HANDLER_THREADS, handler);
    }

    private static void closeAll(List<LineClient> clients) {
        for (LineClient client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }
}
