package io.chuk.protocol.war.jetty;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.jboss.arquillian.container.jetty.embedded_12_ee10.WebAppContextProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Makes the embedded Jetty load the deployed WAR webapp-first (servlet spec), as jetty-home and Tomcat do.
 * The adapter's default is parent-first ({@code classloaderBehavior=JAVA_SPEC}), which would load the test's
 * copies of the test handler from {@code target/test-classes}, where protocol-core is absent; its
 * {@code classloaderBehavior} property cannot be set from {@code arquillian.xml} (an enum the
 * configuration mapper does not convert).
 */
public final class WebappFirstExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(WebAppContextProcessor.class, WebappFirst.class);
    }

    /** Runs after the adapter has configured the context, before it starts. */
    public static final class WebappFirst implements WebAppContextProcessor {
        @Override
        public void process(WebAppContext context, Archive<?> archive) {
            context.setParentLoaderPriority(false);
        }
    }
}
