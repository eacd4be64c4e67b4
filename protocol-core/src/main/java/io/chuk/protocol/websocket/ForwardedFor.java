package io.chuk.protocol.websocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The real client of a WebSocket behind reverse proxies: when the peer is one of
 * {@code trusted_proxies}, the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy. Untrusted peers cannot claim another address; entries that are not IP literals
 * are ignored (never looked up in DNS).
 */
public final class ForwardedFor {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");

    private ForwardedFor() {
    }

    public static InetSocketAddress clientAddress(InetSocketAddress peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || trustedProxies.isEmpty() || peer.getAddress() == null
                || !trusted(peer.getAddress(), trustedProxies)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return peer;
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(hop); // a literal: parsed, not resolved
            } catch (UnknownHostException e) {
                return peer;
            }
            if (!trusted(address, trustedProxies)) {
                return new InetSocketAddress(address, 0);
            }
        }
        return peer;
    }

    private static boolean trusted(InetAddress address, List<String> trustedProxies) {
        String ip = address.getHostAddress();
        return trustedProxies.contains(ip)
                || (address.isLoopbackAddress() && trustedProxies.contains("loopback"));
    }
}
