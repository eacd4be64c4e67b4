package io.chuk.protocol.web;

import io.chuk.protocol.monitor.MonitorToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;

/**
 * The {@code monitor_token} guard of the monitor path, in the standalone server and the WAR:
 * answers 401 (no token) or 403 (wrong token) before the WebSocket upgrade, since the monitor
 * shows other people's input. Each host maps it to the monitor path ahead of the upgrade filter;
 * the check itself is {@link MonitorToken}.
 */
public final class MonitorTokenFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    private final transient MonitorToken token;

    public MonitorTokenFilter(String token) {
        this.token = new MonitorToken(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int verdict = token.check(request.getHeader("Authorization"),
                String.join(",", Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))), request.getParameter("token"));
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
