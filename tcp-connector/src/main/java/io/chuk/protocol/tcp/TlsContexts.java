package io.chuk.protocol.tcp;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.tls.PemKeyStore;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Jetty TLS contexts from a server entry's {@code ssl_cert} / {@code ssl_key} PEM files. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A server-side TLS context for an entry with {@code use_ssl: true}. */
    public static SslContextFactory.Server serverContext(ServerConfig config) {
        if (!config.useSsl()) {
            throw new IllegalArgumentException("server '" + config.name() + "' does not use TLS");
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        try {
            factory.setKeyStore(PemKeyStore.load(Path.of(config.sslCert()), Path.of(config.sslKey())));
        } catch (IOException e) {
            throw new UncheckedIOException("server '" + config.name() + "': " + e.getMessage(), e);
        }
        factory.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
        factory.setCertAlias(PemKeyStore.ALIAS);
        // A client-initiated TLS 1.2 renegotiation makes the server redo the costly half of a
        // handshake on demand and nothing here needs one (TLS 1.3 has none), so it is refused.
        factory.setRenegotiationAllowed(false);
        return factory;
    }

    /**
     * The TLS layer of a listener for an entry with {@code use_ssl: true}, handing decrypted
     * bytes to {@code nextProtocol}: a handshake not complete within {@code tls_handshake_timeout}
     * closes the socket, and a client asking to renegotiate is disconnected.
     */
    public static SslConnectionFactory connectionFactory(ServerConfig config, String nextProtocol) {
        return new DeadlineSslConnectionFactory(serverContext(config), nextProtocol,
                config.limits().tlsHandshakeTimeout());
    }
}
