package io.chuk.protocol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A file bundled in this module under {@code io/chuk/protocol/web/}, read once when the route
 * table is built (so a missing asset fails the start, not a browser later), and served from memory.
 */
public final class StaticResource implements Route {

    static final String HTML = "text/html;charset=utf-8";
    static final String JAVASCRIPT = "text/javascript;charset=utf-8";
    static final String CSS = "text/css;charset=utf-8";

    private final String type;
    private final byte[] body;

    private StaticResource(String type, byte[] body) {
        this.type = type;
        this.body = body;
    }

    /** The bundled file {@code name} (relative to {@code io/chuk/protocol/web/}), served as {@code type}. */
    public static StaticResource of(String name, String type) {
        return new StaticResource(type, read(name));
    }

    /**
     * A bundled page with each {@code {{KEY}}} replaced by its value, HTML-escaped: how a page learns
     * its entry's settings (such as the WebSocket path) without a request of its own.
     */
    public static StaticResource page(String name, Map<String, String> values) {
        String text = new String(read(name), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", escape(value.getValue()));
        }
        return new StaticResource(HTML, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type);
        response.setContentLength(body.length);
        // Revalidate on every load: a redeployed server's pages and assets are picked up at once.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body);
    }

    private static byte[] read(String name) {
        String path = "io/chuk/protocol/web/" + name;
        try (InputStream in = StaticResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled web resource missing from the class path: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled web resource " + path, e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
