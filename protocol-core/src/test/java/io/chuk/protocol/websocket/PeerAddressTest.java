package io.chuk.protocol.websocket;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PeerAddressTest {

    @Test
    void aValueTheFilterMadeNamesTheClient() {
        InetSocketAddress v4 = PeerAddress.parse(PeerAddress.headerValue("203.0.113.7", 40123));
        assertEquals(new InetSocketAddress("203.0.113.7", 40123), v4);
        InetSocketAddress v6 = PeerAddress.parse(PeerAddress.headerValue("2001:db8::1", 9));
        assertEquals("2001:db8:0:0:0:0:0:1", v6.getAddress().getHostAddress());
    }

    @Test
    void aClientCannotChooseItsOwnAddress() {
        assertNull(PeerAddress.parse("203.0.113.7 40123"), "no secret");
        assertNull(PeerAddress.parse("0123456789abcdef0123456789abcdef 203.0.113.7 40123"), "a guessed secret");
        assertNull(PeerAddress.parse(null));
    }

    @Test
    void onlyAddressLiteralsAreRead() {
        assertNull(PeerAddress.parse(PeerAddress.headerValue("example.invalid", 1)), "names are never looked up");
        assertNull(PeerAddress.parse(PeerAddress.headerValue("203.0.113.7", 70000)), "port out of range");
        assertNull(PeerAddress.parse(PeerAddress.headerValue("203.0.113.7", 1) + " extra"));
    }
}
