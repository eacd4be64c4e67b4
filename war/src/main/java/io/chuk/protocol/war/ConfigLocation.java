package io.chuk.protocol.war;

import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ProtocolConfig;
import jakarta.servlet.ServletContext;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the WAR's YAML comes from, in the documented order: system property {@code chuk.config},
 * environment variable {@code CHUK_CONFIG}, servlet context parameter {@code chuk.config}, else
 * the application's {@code protocol.yaml} at the root of the web application's class path (what a
 * project made from the archetype adds in its jar), else the bundled echo sample. Kept apart from
 * the listener so the order is written down once.
 *
 * @param description how the location was chosen, for the log
 * @param file        the YAML file, or {@code null} for a class path resource
 * @param resource    the class path resource when {@code file} is {@code null}
 */
record ConfigLocation(String description, Path file, String resource) {

    static final String PROPERTY = "chuk.config";
    static final String ENVIRONMENT = "CHUK_CONFIG";
    static final String CONTEXT_PARAMETER = "chuk.config";
    static final String APPLICATION_RESOURCE = "protocol.yaml";
    static final String BUNDLED_DEFAULT = "io/chuk/protocol/samples/echo/echo-server.yaml";

    /** The first location that is set; {@code environment} is {@link System#getenv(String)} outside tests. */
    static ConfigLocation resolve(ServletContext context, Function<String, String> environment) {
        String value = System.getProperty(PROPERTY);
        if (isSet(value)) {
            return file("system property " + PROPERTY, value);
        }
        value = environment.apply(ENVIRONMENT);
        if (isSet(value)) {
            return file("environment variable " + ENVIRONMENT, value);
        }
        value = context.getInitParameter(CONTEXT_PARAMETER);
        if (isSet(value)) {
            return file("context parameter " + CONTEXT_PARAMETER, value);
        }
        ClassLoader loader = context.getClassLoader();
        if (loader != null && loader.getResource(APPLICATION_RESOURCE) != null) {
            return new ConfigLocation("application resource", null, APPLICATION_RESOURCE);
        }
        return new ConfigLocation("bundled default", null, BUNDLED_DEFAULT);
    }

    ProtocolConfig load(ConfigLoader loader) throws ConfigException {
        return file == null ? loader.loadResource(resource) : loader.load(file);
    }

    @Override
    public String toString() {
        return (file == null ? "classpath:" + resource : file.toString()) + " (" + description + ")";
    }

    private static ConfigLocation file(String description, String value) {
        return new ConfigLocation(description, Path.of(value.trim()), null);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
