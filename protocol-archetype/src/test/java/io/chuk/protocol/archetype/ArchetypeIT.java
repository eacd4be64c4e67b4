package io.chuk.protocol.archetype;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user gets from {@code mvn archetype:generate}: the project is generated from this
 * archetype and built offline ({@code mvn -o package}) against this reactor's staged artifacts;
 * then its jar is run with the generated YAML (ports set to 0) and answers real tcp and WebSocket
 * clients; its WAR is the server's WAR plus the application jar and, deployed on a real Tomcat
 * with no configuration location set, runs the YAML the application jar carries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchetypeIT {

    private static final String GROUP_ID = "com.example";
    private static final String ARTIFACT_ID = "hello-app";
    private static final String VERSION = "1.0-SNAPSHOT";
    private static final String PACKAGE = "com.example.hello";
    private static final Duration BUILD_LIMIT = Duration.ofSeconds(120);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);
    private static final Pattern PORT = Pattern.compile("(?m)^(\\s+port:\\s*)\\d+\\s*$");

    private Path project;
    private ServerProcess app;
    private int tcpPort;
    private int webSocketPort;

    @BeforeAll
    void generateBuildAndStart() throws Exception {
        Path work = Path.of(NestedMaven.required("work.directory"));
        deleteTree(work);
        Files.createDirectories(work);
        NestedMaven maven = new NestedMaven(work, BUILD_LIMIT);
        maven.run(work, "generate",
                "org.apache.maven.plugins:maven-archetype-plugin:" + NestedMaven.required("archetype.plugin.version") + ":generate",
                "-DinteractiveMode=false",
                "-DarchetypeGroupId=io.chuk.protocol", "-DarchetypeArtifactId=protocol-archetype",
                "-DarchetypeVersion=" + NestedMaven.required("archetype.version"),
                "-DgroupId=" + GROUP_ID, "-DartifactId=" + ARTIFACT_ID, "-Dversion=" + VERSION, "-Dpackage=" + PACKAGE);
        project = work.resolve(ARTIFACT_ID);

        // The generated configuration itself, with every port left to the system, so that the jar
        // (given it with -c) and the WAR (which carries it) can run next to anything else.
        Path yaml = project.resolve("src/main/resources/protocol.yaml");
        String text = Files.readString(yaml);
        assertEquals(3, PORT.matcher(text).results().count(), "telnet, tcp and websocket entries:\n" + text);
        Files.writeString(yaml, PORT.matcher(text).replaceAll(port -> port.group(1) + "0"));

        List<String> build = new ArrayList<>(List.of("package", "dependency:build-classpath",
                "-DincludeScope=compile", "-Dmdep.outputFile=" + work.resolve("compile-classpath.txt")));
        maven.run(project, "package", build.toArray(String[]::new));

        app = ServerProcess.jar(project.resolve("target/" + ARTIFACT_ID + "-" + VERSION + ".jar"),
                "-c", yaml.toAbsolutePath().toString());
        tcpPort = app.awaitPort("tcp");
        webSocketPort = app.awaitPort("websocket");
        app.awaitPort("telnet");
    }

    @AfterAll
    void stopsCleanlyOnSigterm() throws InterruptedException {
        if (app != null) {
            try {
                assertEquals(0, app.stop(), "exit code after SIGTERM");
            } finally {
                app.close();
            }
        }
    }

    @Test
    void theJarAnswersALineOverTcp() throws Exception {
        talkOverTcp(tcpPort);
    }

    @Test
    void theJarAnswersOverWebSocket() throws Exception {
        talkOverWebSocket(URI.create("ws://127.0.0.1:" + webSocketPort + "/ws"));
    }

    @Test
    void theWarRunsTheApplicationsYamlOnTomcat() throws Exception {
        int http = TomcatBase.freePort();
        ProcessBuilder catalina = TomcatBase.prepare(Path.of(NestedMaven.required("dist.tomcat")),
                project.resolveSibling("tomcat-base"), war(), "hello", http);
        try (ServerProcess tomcat = ServerProcess.of("tomcat", catalina)) {
            tomcat.awaitLine("Configuration: classpath:protocol.yaml (application resource)");
            int tcp = tomcat.awaitPort("tcp");
            tomcat.awaitLine("Server startup in");
            talkOverTcp(tcp);
            talkOverWebSocket(URI.create("ws://127.0.0.1:" + http + "/hello/ws"));
            tomcat.stop();
        }
    }

    @Test
    void handlerCodeCompilesAgainstTheApiOnly() throws IOException {
        String classpath = Files.readString(project.resolveSibling("compile-classpath.txt"));
        Set<String> jars = Stream.of(classpath.split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry.trim()).getFileName().toString()).collect(Collectors.toSet());
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("protocol-api-")), jars::toString);
        assertFalse(jars.stream().anyMatch(jar -> jar.startsWith("protocol-core-") || jar.startsWith("jetty-")
                || jar.startsWith("tcp-connector-") || jar.startsWith("weld-")), jars::toString);
    }

    @Test
    void theWarIsTheServersWarPlusTheApplicationJar() throws IOException {
        Path serverWar = Path.of(NestedMaven.required("staging.repository"), "io/chuk/protocol/war",
                NestedMaven.required("archetype.version"), "war-" + NestedMaven.required("archetype.version") + ".war");
        Path war = war();
        Set<String> expected = new TreeSet<>(entries(serverWar, "WEB-INF/"));
        String applicationJar = "WEB-INF/lib/" + ARTIFACT_ID + "-" + VERSION + ".jar";
        expected.add(applicationJar);
        assertEquals(expected, entries(war, "WEB-INF/"));
        try (ZipFile zip = new ZipFile(war.toFile());
             ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry(applicationJar)))) {
            Set<String> inJar = new TreeSet<>();
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                inJar.add(entry.getName());
            }
            assertTrue(inJar.containsAll(Set.of("protocol.yaml", "META-INF/beans.xml",
                    PACKAGE.replace('.', '/') + "/HelloHandler.class")), inJar::toString);
        }
    }

    @Test
    void theGeneratedTestKitTestsRanAndPassed() throws IOException {
        Path report = project.resolve("target/surefire-reports/TEST-" + PACKAGE + ".HelloHandlerTest.xml");
        String xml = Files.readString(report);
        assertTrue(xml.contains("tests=\"2\"") && xml.contains("failures=\"0\"") && xml.contains("errors=\"0\""), xml);
    }

    private Path war() {
        return project.resolve("target/" + ARTIFACT_ID + "-" + VERSION + ".war");
    }

    /** The welcome of the YAML's tcp entry, an answer, and Goodbye! with the close. */
    private static void talkOverTcp(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) ANSWER_LIMIT.toMillis());
            socket.setSoTimeout((int) ANSWER_LIMIT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            readUntil(in, "Welcome to " + ARTIFACT_ID + " over tcp!");
            out.write("hi\r\n");
            out.flush();
            readUntil(in, "Hello, hi!");
            out.write("quit\r\n");
            out.flush();
            readUntil(in, "Goodbye!");
            assertEquals(-1, drain(in), "the server closes the connection after Goodbye!");
        }
    }

    /** The welcome of the YAML's websocket entry, then an answer. */
    private static void talkOverWebSocket(URI uri) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        try {
            awaitMessage(messages, "Welcome to " + ARTIFACT_ID + " over WebSocket!");
            socket.sendText("hi", true).get(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
            awaitMessage(messages, "Hello, hi!");
        } finally {
            socket.abort();
        }
    }

    /** Reads lines until one ends with {@code wanted} (a prompt may precede it); fails if none does. */
    private static void readUntil(BufferedReader in, String wanted) throws IOException {
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String line = in.readLine();
            if (line == null) {
                break;
            }
            if (line.endsWith(wanted)) {
                return;
            }
            read.add(line);
        }
        throw new AssertionError("no line ending with '" + wanted + "'; read " + read);
    }

    private static int drain(BufferedReader in) throws IOException {
        for (int i = 0; i < 10; i++) {
            if (in.readLine() == null) {
                return -1;
            }
        }
        return 0;
    }

    private static void awaitMessage(BlockingQueue<String> messages, String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                throw new AssertionError("no WebSocket message containing '" + wanted + "'; got " + seen);
            }
            if (message.contains(wanted)) {
                return;
            }
            seen.add(message);
        }
    }

    private static Set<String> entries(Path archive, String prefix) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(name -> name.startsWith(prefix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
