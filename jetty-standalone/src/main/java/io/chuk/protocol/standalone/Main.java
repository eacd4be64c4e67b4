package io.chuk.protocol.standalone;

import ch.qos.logback.classic.Level;
import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code java -jar protocol-server.jar} command line. */
@Command(name = "protocol-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs CHUK protocol servers: one handler reachable over telnet, tcp, websocket and ws_telnet.",
            "",
            "With no arguments, runs the bundled echo sample on 127.0.0.1 (telnet 8023, tcp 8024, websocket 8025).",
            "With -c FILE, runs the servers of a YAML configuration.",
            "With --config-search FILE[,FILE...] (the container image's entry point), runs $CHUK_CONFIG when set,",
            "else the first of the files that exists, else the bundled default.",
            "With a HANDLER class, runs that handler on one port."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally (also after SIGTERM/SIGINT)", "1:configuration or start-up error",
            "2:invalid command line"})
public final class Main implements Callable<Integer> {

    /** Where the bundled default configuration lives. */
    static final String DEFAULT_CONFIG = "io/chuk/protocol/samples/echo/echo-server.yaml";

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file.")
    Path configFile;

    @Option(names = "--config-search", paramLabel = "FILE", split = ",",
            description = "Without -c: run $CHUK_CONFIG when set, else the first of these files that exists, else the bundled default.")
    List<Path> configSearch = List.of();

    @Parameters(index = "0", arity = "0..1", paramLabel = "HANDLER",
            description = "Handler class to run directly: com.example.MyHandler or package:ClassName.")
    String handler;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Bind address (default 127.0.0.1). With -c, applies to every server entry.")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port for the handler (default: the transport's port, telnet 8023). With -c, only for a single-server file.")
    Integer port;

    @Option(names = "--transport", paramLabel = "TRANSPORT",
            description = "Transport for the handler: telnet (default), tcp, websocket or ws_telnet.")
    String transport;

    @Option(names = "-v", description = "More logging: -v for debug of io.chuk, -vv for debug of everything.")
    boolean[] verbose = new boolean[0];

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and {@link #main}). */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(verbose.length);
        ProtocolConfig config;
        try {
            config = configuration();
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        StandaloneServer server = new StandaloneServer(config);
        try {
            server.start();
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.error("Cannot start the server: {}", e.toString(), verbose.length > 1 ? e : null);
            return 1;
        }
        Signals.onTermination(this::requestStop);
        stopRequested.await();
        LOG.info("Shutting down");
        server.stop();
        LOG.info("Stopped");
        return 0;
    }

    private void requestStop() {
        if (!stopping.compareAndSet(false, true)) {
            LOG.warn("Second stop signal: exiting immediately");
            Runtime.getRuntime().halt(1);
        }
        stopRequested.countDown();
    }

    private ProtocolConfig configuration() throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        if (configFile != null && handler != null) {
            throw new IllegalArgumentException("give either -c FILE or a HANDLER class, not both");
        }
        if (host != null) {
            loader.hostProblem(host).ifPresent(reason -> {
                throw new IllegalArgumentException("--host: " + reason);
            });
        }
        if (handler != null) {
            return direct(loader);
        }
        if (transport != null) {
            throw new IllegalArgumentException("--transport is for running a HANDLER directly; set transport in the YAML");
        }
        Path chosen = configFile != null || configSearch.isEmpty() ? configFile
                : ConfigSearch.choose(System.getenv(ConfigSearch.ENV), configSearch).orElse(null);
        ProtocolConfig loaded = chosen != null ? loader.load(chosen) : loader.loadResource(DEFAULT_CONFIG);
        if (!configSearch.isEmpty()) {
            LOG.info("Configuration: {}", loaded.source());
        }
        if (port != null && loaded.servers().size() != 1) {
            throw new IllegalArgumentException("--port needs a configuration with exactly one server; "
                    + loaded.source() + " has " + loaded.servers().size());
        }
        if (host == null && port == null) {
            return loaded;
        }
        List<ServerConfig> servers = loaded.servers().stream()
                .map(s -> s.withAddress(host != null ? host : s.host(), port != null ? checkedPort() : s.port()))
                .toList();
        return loaded.withServers(servers);
    }

    private ProtocolConfig direct(ConfigLoader loader) throws ConfigException {
        Transport chosen = transport == null ? Transport.TELNET : Transport.fromName(transport)
                .orElseThrow(() -> new IllegalArgumentException("unknown transport '" + transport
                        + "' (expected telnet, tcp, websocket or ws_telnet)"));
        Class<? extends BaseHandler> type;
        try {
            type = loader.resolveHandler(handler);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("<command line>", "HANDLER", e.getMessage());
        }
        ServerConfig server = ServerConfig.defaults(chosen.yamlName(),
                host != null ? host : ServerConfig.DEFAULT_HOST,
                port != null ? checkedPort() : chosen.defaultPort(), chosen, type);
        return new ProtocolConfig("<command line>", List.of(server));
    }

    private int checkedPort() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        return port;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"protocol-server " + (version != null ? version : "development build"),
                "Java " + System.getProperty("java.version")};
        }
    }

    /** Logback levels from the -v count. */
    static final class LogLevels {
        private LogLevels() {
        }

        static void apply(int verbosity) {
            if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
                return;
            }
            if (verbosity >= 1) {
                context.getLogger("io.chuk").setLevel(Level.DEBUG);
                context.getLogger("org.eclipse.jetty").setLevel(Level.INFO);
                context.getLogger("org.jboss.weld").setLevel(Level.INFO);
            }
            if (verbosity >= 2) {
                context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
                context.getLogger("org.eclipse.jetty").setLevel(Level.DEBUG);
                context.getLogger("org.jboss.weld").setLevel(Level.DEBUG);
            }
        }
    }
}
