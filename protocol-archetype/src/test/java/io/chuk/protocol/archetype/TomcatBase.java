package io.chuk.protocol.archetype;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A fresh {@code CATALINA_BASE} for a real Tomcat distribution (unpacked by Maven), with one WAR
 * deployed and no configuration location set, so the WAR runs the YAML it carries.
 */
final class TomcatBase {

    private TomcatBase() {
    }

    /** {@code catalina.sh run} for {@code war} deployed as {@code context.war}, HTTP on 127.0.0.1:{@code httpPort}. */
    static ProcessBuilder prepare(Path home, Path base, Path war, String context, int httpPort) throws IOException {
        copyTree(home.resolve("conf"), base.resolve("conf"));
        Path serverXml = base.resolve("conf/server.xml");
        Files.writeString(serverXml, Files.readString(serverXml)
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("port=\"8080\"", "address=\"127.0.0.1\" port=\"" + httpPort + "\""));
        for (String dir : List.of("webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        Files.copy(war, base.resolve("webapps").resolve(context + ".war"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/catalina.sh").toString(), "run");
        builder.environment().put("CATALINA_HOME", home.toString());
        builder.environment().put("CATALINA_BASE", base.toString());
        builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        // Whatever the environment says, the WAR must find its configuration itself.
        builder.environment().remove("CHUK_CONFIG");
        builder.environment().remove("CATALINA_OPTS");
        builder.environment().remove("JAVA_OPTS");
        return builder;
    }

    /** A port below 32768 that is free now: the ephemeral range above it is crowded on shared machines. */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free port below 32768 found in 100 attempts");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
