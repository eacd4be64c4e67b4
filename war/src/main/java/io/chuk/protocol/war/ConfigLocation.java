package io.chuk.protocol.war;

import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ProtocolConfig;
import jakarta.servlet.ServletContext;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the WAR's YAML comes from, in the documented order: system property {@code chuk.config},
 * environment variable {@code CHUK_CONFIG}, servlet context parameter {@code chuk.config}, else the
 * bundled echo sample. Kept apart from the listener so the order is written down once.
 *
 * @param description how the location was chosen, for the log
 * @param file        the YAML file, or {@code null} for the bundled default
 */
record ConfigLocation(String description, Path file) {

    static final String PROPERTY = "chuk.config";
    static final String ENVIRONMENT = "CHUK_CONFIG";
    static final String CONTEXT_PARAMETER = "chuk.config";
    static final String BUNDLED_DEFAULT = "io/chuk/protocol/samples/echo/echo-server.yaml";

    /** The first location that is set; {@code environment} is {@link System#getenv(String)} outside tests. */
    static ConfigLocation resolve(ServletContext context, Function<String, String> environment) {
        String value = System.getProperty(PROPERTY);
        if (isSet(value)) {
            return new ConfigLocation("system property " + PROPERTY, Path.of(value.trim()));
        }
        value = environment.apply(ENVIRONMENT);
        if (isSet(value)) {
            return new ConfigLocation("environment variable " + ENVIRONMENT, Path.of(value.trim()));
        }
        value = context.getInitParameter(CONTEXT_PARAMETER);
        if (isSet(value)) {
            return new ConfigLocation("context parameter " + CONTEXT_PARAMETER, Path.of(value.trim()));
        }
        return new ConfigLocation("bundled default", null);
    }

    ProtocolConfig load(ConfigLoader loader) throws ConfigException {
        return file == null ? loader.loadResource(BUNDLED_DEFAULT) : loader.load(file);
    }

    @Override
    public String toString() {
        return (file == null ? "classpath:" + BUNDLED_DEFAULT : file.toString()) + " (" + description + ")";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
