package io.chuk.protocol.websocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The client's address where the container does not hand it to the endpoint: Tomcat 10.1 sets no
 * {@code jakarta.websocket.endpoint.remoteAddress} property. The WAR's servlet filter, which sees
 * the HTTP request before the upgrade, adds it as the {@link #HEADER} request header, and this
 * endpoint reads it from the handshake. The value carries a secret made per class loader (per web
 * application), so a client that sends the header itself cannot choose its own address.
 */
public final class PeerAddress {

    /** The request header the filter sets, replacing any the client sent. */
    public static final String HEADER = "X-Chuk-Peer";

    private static final String SECRET = newSecret();

    private PeerAddress() {
    }

    /** The header value for a client at {@code address} (an IP literal) and {@code port}. */
    public static String headerValue(String address, int port) {
        return SECRET + " " + address + " " + port;
    }

    /** The address a value made by {@link #headerValue} names, or {@code null} for any other value. */
    static InetSocketAddress parse(String value) {
        if (value == null || !value.startsWith(SECRET + " ")) {
            return null;
        }
        String[] parts = value.substring(SECRET.length() + 1).split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || !(Character.isDigit(parts[0].charAt(0)) || parts[0].contains(":"))) {
            return null;
        }
        try {
            // An IP literal: no name lookup happens.
            return new InetSocketAddress(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
