package io.chuk.protocol.war;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Tomcat or jetty-home distribution (unpacked by Maven into {@code target/dist}) run as a
 * separate process from a fresh base directory, with {@code protocol-server.war} deployed as
 * {@code protocol.war} and {@code CHUK_CONFIG} set. {@link #stop} sends SIGTERM, as a service
 * manager or {@code docker stop} would, and waits for the JVM to exit.
 */
final class ContainerProcess implements AutoCloseable {

    /** jetty-home modules the WAR needs (documented in the README). */
    static final String JETTY_MODULES = "http,ee10-deploy,ee10-websocket-jakarta,ee10-cdi-decorate";

    private final String name;
    private final Path base;
    private final Path log;
    private final ProcessBuilder command;
    private Process process;

    private ContainerProcess(String name, Path base, ProcessBuilder command) {
        this.name = name;
        this.base = base;
        this.log = base.resolve("container.log");
        this.command = command;
    }

    /** Tomcat from {@code home}, HTTP on {@code httpPort}, the shutdown port disabled. */
    static ContainerProcess tomcat(Path home, Path base, int httpPort, Path yaml) throws IOException {
        copyTree(home.resolve("conf"), base.resolve("conf"));
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml)
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("port=\"8080\"", "address=\"127.0.0.1\" port=\"" + httpPort + "\"");
        Files.writeString(serverXml, xml);
        for (String dir : List.of("webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        deployWar(base.resolve("webapps"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/catalina.sh").toString(), "run");
        builder.environment().putAll(Map.of("CATALINA_HOME", home.toString(), "CATALINA_BASE", base.toString(),
                "CHUK_CONFIG", yaml.toString()));
        return new ContainerProcess(home.getFileName().toString(), base, builder);
    }

    /** jetty-home from {@code home} with a fresh {@code jetty.base} holding {@link #JETTY_MODULES}. */
    static ContainerProcess jetty(Path home, Path base, int httpPort, Path yaml) throws Exception {
        Files.createDirectories(base.resolve("tmp"));
        String startJar = home.resolve("start.jar").toString();
        Process setup = new ProcessBuilder(java(), "-jar", startJar, "--add-modules=" + JETTY_MODULES)
                .directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("setup.log").toFile()).start();
        if (!setup.waitFor(60, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            setup.destroyForcibly();
            throw new IllegalStateException("jetty.base setup failed: " + Files.readString(base.resolve("setup.log")));
        }
        deployWar(base.resolve("webapps"));
        ProcessBuilder builder = new ProcessBuilder(java(), "-Djava.io.tmpdir=" + base.resolve("tmp"), "-jar", startJar,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + httpPort).directory(base.toFile());
        builder.environment().put("CHUK_CONFIG", yaml.toString());
        return new ContainerProcess(home.getFileName().toString(), base, builder);
    }

    void start() throws IOException {
        process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Everything the container logged so far. */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the log contains {@code text}, for at most {@code wait}. */
    void awaitLog(String text, Duration wait) throws Exception {
        awaitLog(text, 1, wait);
    }

    /** Waits until the log contains {@code text} at least {@code times} times, for at most {@code wait}. */
    void awaitLog(String text, int times, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (log().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError(name + ": '" + text + "' not logged; log:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    /** SIGTERM, then waits for the container to stop; the exit is forced after 60 s. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not stop within 60 s");
        }
    }

    /** Kills the container if a test left it running. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " in " + base;
    }

    /** Makes the deployed WAR look new, so a container with auto-deploy (Tomcat's default) redeploys it. */
    void touchWar() throws IOException {
        Path war = base.resolve("webapps/protocol.war");
        Files.setLastModifiedTime(war, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    }

    private static void deployWar(Path webapps) throws IOException {
        Files.createDirectories(webapps);
        Files.copy(Path.of(System.getProperty("war.file")), webapps.resolve("protocol.war"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
