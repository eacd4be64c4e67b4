package io.chuk.protocol.war;

import io.chuk.protocol.testsupport.LauncherProcess;
import io.chuk.protocol.testsupport.RedisServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The WAR on embedded Tomcat 10.1 and one standalone launcher process as two nodes of one cluster,
 * joined through a real {@code redis-server}: each chat user sees the other node's in {@code /who},
 * a line said in the room reaches the other node, and undeploying the WAR leaves the cluster and
 * stops every Redis client thread. Before that, the WAR without a {@code cluster:} section loads no
 * Redis client class (embedded Tomcat runs in this JVM, so its loaded classes are listed here; no
 * other test of this JVM configures a cluster).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatClusterIT {

    private static final String CHAT = "io.chuk.protocol.samples.chat.ChatHandler";
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** Packages of the Redis client and what it brings; none may load without a cluster. */
    private static final List<String> REDIS_PACKAGES = List.of("io.lettuce.", "io.netty.", "reactor.",
            "io.chuk.protocol.cluster.redis.");
    /** Names of the threads a cluster node runs: Lettuce's and Netty's, and the node's own. */
    private static final List<String> CLUSTER_THREADS = List.of("lettuce-", "chuk-cluster-", "globalEventExecutor");

    private static final int PLAIN_PORT = TestClients.freePort();
    private static final int WAR_CHAT_PORT = TestClients.freePort();
    /** Fixed before Arquillian builds the archives (ahead of {@code @BeforeAll}), so their YAML can name it. */
    private static final int REDIS_PORT = TestClients.freePort();

    private static RedisServer redis;
    private static LauncherProcess launcher;
    private static int launcherChatPort;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "plain", managed = false, testable = false)
    static WebArchive plain() throws IOException {
        return named("plain.war", EmbeddedContainerChecks.archive(chatEntry(PLAIN_PORT), List.of()));
    }

    @Deployment(name = "cluster", managed = false, testable = false)
    static WebArchive cluster() throws IOException {
        return named("cluster.war",
                EmbeddedContainerChecks.archive(clusterSection("war") + chatEntry(WAR_CHAT_PORT), List.of()));
    }

    /** Arquillian needs distinct archive names; the built WAR's is the same for both. */
    private static WebArchive named(String name, WebArchive war) {
        return ShrinkWrap.create(WebArchive.class, name).merge(war);
    }

    @BeforeAll
    static void startRedisAndLauncher() throws Exception {
        redis = new RedisServer(REDIS_PORT);
        Path config = Files.createTempFile("chuk-launcher-node", ".yaml");
        config.toFile().deleteOnExit();
        Files.writeString(config, clusterSection("launcher") + chatEntry(0));
        launcher = new LauncherProcess("--config", config.toString());
        launcherChatPort = launcher.awaitPort("chat");
    }

    @AfterAll
    static void stopRedisAndLauncher() throws Exception {
        try {
            if (launcher != null) {
                // A clean stop (SIGTERM), so the node leaves the cluster before Redis goes; killed after 60 s.
                launcher.terminate();
                launcher.awaitExit();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    private static String clusterSection(String node) {
        return """
                cluster:
                  redis_uri: %s
                  node_name: %s
                  heartbeat_interval: 1
                  node_timeout: 3
                """.formatted(RedisServer.uri(REDIS_PORT), node);
    }

    private static String chatEntry(int port) {
        return """
                servers:
                  chat:
                    host: 127.0.0.1
                    port: %d
                    transport: tcp
                    handler_class: %s
                """.formatted(port, CHAT);
    }

    @Test
    @Order(1)
    void withoutAClusterSectionNoRedisClientClassLoads() throws Exception {
        deployer.deploy("plain");
        try (ChatUser ada = ChatUser.login(PLAIN_PORT, "ada")) {
            ada.whoUntil(Set.of("ada"), WITHIN);
            assertEquals(List.of(), loadedClassesOf(REDIS_PACKAGES), "Redis client classes loaded without a cluster");
        } finally {
            deployer.undeploy("plain");
        }
    }

    @Test
    @Order(2)
    void aWarNodeAndALauncherNodeShareOneChat() throws Exception {
        deployer.deploy("cluster");
        boolean deployed = true;
        try (ChatUser ada = ChatUser.login(WAR_CHAT_PORT, "ada");
             ChatUser bob = ChatUser.login(launcherChatPort, "bob")) {
            ada.whoUntil(Set.of("ada", "bob"), WITHIN);
            bob.whoUntil(Set.of("ada", "bob"), WITHIN);

            ada.say("hello from the WAR");
            bob.await("<ada> hello from the WAR");
            bob.say("hello from the launcher");
            ada.await("<bob> hello from the launcher");
            // What the checks below and above look for is there while the WAR is a cluster node.
            assertNotEquals(List.of(), loadedClassesOf(REDIS_PACKAGES), "the Redis client's classes are listed");
            assertNotEquals(List.of(), clusterThreads(), "the cluster node's threads are listed");

            deployer.undeploy("cluster");
            deployed = false;
            bob.whoUntil(Set.of("bob"), WITHIN);
            awaitNoClusterThreads();
        } finally {
            if (deployed) {
                deployer.undeploy("cluster");
            }
        }
    }

    /** The loaded classes (of the whole JVM, as the JDK's class hierarchy lists them) in {@code packages}. */
    private static List<String> loadedClassesOf(List<String> packages) throws Exception {
        String hierarchy = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                new Object[] {null}, new String[] {String[].class.getName()});
        return hierarchy.lines()
                .map(line -> line.replaceFirst("^[|\\s-]*", "").replaceFirst("/.*$", ""))
                .filter(name -> packages.stream().anyMatch(name::startsWith))
                .toList();
    }

    /** Waits, for at most {@link #WITHIN}, until no cluster thread is alive; fails naming those left. */
    private static void awaitNoClusterThreads() throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<String> left;
        while (!(left = clusterThreads()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster threads still alive after the undeployment: " + left);
            }
            Thread.sleep(100); // polling interval of the bounded wait above
        }
    }

    private static List<String> clusterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> CLUSTER_THREADS.stream().anyMatch(name::startsWith)).sorted().toList();
    }
}
