package io.chuk.protocol.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The child side of a server under test: the {@code main} of each server process calls
 * {@link #serve}. It starts the server, tells the bench on stdout where it listens
 * ({@code info TEXT}, {@code listening NAME PORT} lines, then {@code started}), and runs until its
 * stdin closes: the bench closes it to stop the server, and it also closes when the bench dies,
 * so no server outlives the bench.
 */
final class ChildServer {

    private ChildServer() {
    }

    /** A started server: what it is, its ports by entry name, and how to stop it. */
    record Running(String description, Map<String, Integer> ports, AutoCloseable stopper) {
    }

    @FunctionalInterface
    interface Starter {
        Running start() throws Exception;
    }

    /** {@code args}: {@code -v} keeps INFO logging; the default is warnings only. */
    static void serve(String[] args, Starter starter) {
        quietLogging(Arrays.asList(args).contains("-v"));
        Running running;
        try {
            running = starter.start();
        } catch (Exception e) {
            System.err.println("server failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println("info " + running.description());
        running.ports().forEach((name, port) -> System.out.println("listening " + name + " " + port));
        System.out.println("started");
        System.out.flush();
        awaitEndOfInput(System.in);
        try {
            running.stopper().close();
        } catch (Exception e) {
            System.err.println("server failed to stop cleanly: " + e);
        }
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) {
        try {
            while (in.read() >= 0) {
                // nothing is sent; only the end matters
            }
        } catch (IOException e) {
            // a broken pipe means the bench is gone: stop as well
        }
    }

    static void quietLogging(boolean verbose) {
        if (!verbose && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("io.chuk").setLevel(Level.WARN);
        }
    }
}
