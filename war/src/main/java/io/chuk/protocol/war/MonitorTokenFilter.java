package io.chuk.protocol.war;

import io.chuk.protocol.monitor.MonitorToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The WAR's {@code monitor_token} guard: answers 401 (no token) or 403 (wrong token) before the
 * container's WebSocket upgrade, since the monitor shows other people's input. The listener maps
 * it to the monitor path ahead of every other filter; the check itself is {@link MonitorToken},
 * shared with the standalone server.
 */
final class MonitorTokenFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.war");

    private final MonitorToken token;

    MonitorTokenFilter(String token) {
        this.token = new MonitorToken(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int verdict = token.check(request.getHeader("Authorization"), request.getParameter("token"));
        if (verdict == MonitorToken.ALLOWED) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Monitor access refused for {} ({})", request.getRemoteAddr(),
                verdict == MonitorToken.MISSING ? "no token" : "wrong token");
        if (verdict == MonitorToken.MISSING) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"monitor\"");
        }
        response.sendError(verdict, verdict == MonitorToken.MISSING ? "Monitor token required" : "Invalid monitor token");
    }
}
