package io.chuk.protocol.war.jetty;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** An application bean of the test archive, to prove CDI injection reaches handlers in the WAR. */
@ApplicationScoped
public class Greeter {
    private final AtomicInteger greetings = new AtomicInteger();

    public String greet(String name) {
        return "Hello, " + name + " (greeting #" + greetings.incrementAndGet() + ")";
    }
}
