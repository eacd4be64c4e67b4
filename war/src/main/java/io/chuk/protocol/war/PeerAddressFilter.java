package io.chuk.protocol.war;

import io.chuk.protocol.websocket.PeerAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Hands the client's address to the WebSocket endpoint on containers whose WebSocket layer does
 * not (Tomcat): ahead of the container's upgrade, the request gains a {@link PeerAddress} header
 * naming {@code getRemoteAddr()} and {@code getRemotePort()}, replacing any such header the client
 * sent. Per-address limits, logs and the monitor then see the real client.
 */
final class PeerAddressFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String value = PeerAddress.headerValue(request.getRemoteAddr(), request.getRemotePort());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return PeerAddress.HEADER.equalsIgnoreCase(name) ? value : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return PeerAddress.HEADER.equalsIgnoreCase(name)
                        ? Collections.enumeration(Set.of(value)) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                Set<String> names = new LinkedHashSet<>();
                for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                    String name = all.nextElement();
                    if (!PeerAddress.HEADER.equalsIgnoreCase(name)) {
                        names.add(name);
                    }
                }
                names.add(PeerAddress.HEADER);
                return Collections.enumeration(names);
            }
        }, response);
    }
}
