package io.chuk.protocol.war.jetty;

import io.chuk.protocol.war.EmbeddedContainerChecks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/**
 * {@link EmbeddedContainerChecks} under Arquillian on embedded Jetty 12.0 ee10. The companion
 * connector then runs on the WAR's own Jetty 12.1, loaded by the webapp class loader.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyEmbeddedIT extends EmbeddedContainerChecks {

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        return archive();
    }
}
