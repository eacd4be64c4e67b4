package io.chuk.protocol.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check without curl: exits 0 when the URL answers HTTP 200, else 1 with the
 * reason on stderr. The URL is the first argument, else {@code CHUK_HEALTH_URL}. Uses only
 * {@code java.base} and bounded timeouts, so a hung server fails the probe instead of hanging it.
 */
public final class HealthProbe {
    /** The environment variable naming the URL when no argument does. */
    static final String ENV = "CHUK_HEALTH_URL";

    private static final int TIMEOUT_MILLIS = 3_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv(ENV);
        System.exit(probe(url));
    }

    static int probe(String url) {
        if (url == null || url.isBlank()) {
            System.err.println("health probe: no URL (give one or set " + ENV + ")");
            return 1;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            try {
                int status = connection.getResponseCode();
                if (status == HttpURLConnection.HTTP_OK) {
                    return 0;
                }
                System.err.println("health probe: " + url + " answered HTTP " + status);
                return 1;
            } finally {
                drain(connection);
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            System.err.println("health probe: " + url + ": " + e);
            return 1;
        }
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream body = connection.getErrorStream() != null ? connection.getErrorStream()
                : connection.getInputStream()) {
            body.readNBytes(4096);
        } catch (IOException ignored) {
            // The status is already known; an unreadable body changes nothing.
        }
    }
}
