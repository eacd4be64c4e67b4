package io.chuk.protocol.war;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/** {@link EmbeddedContainerChecks} under Arquillian on embedded Tomcat 10.1. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TomcatEmbeddedIT extends EmbeddedContainerChecks {

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        return archive();
    }
}
