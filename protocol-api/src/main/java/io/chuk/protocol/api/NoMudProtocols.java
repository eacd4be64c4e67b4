package io.chuk.protocol.api;

import java.util.Map;
import java.util.Set;

/** GMCP and MSDP of sessions without telnet (and of handler contexts that offer none). */
final class NoMudProtocols {

    static final Gmcp GMCP = new Gmcp() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean send(String packageName, Object value) {
            return false;
        }

        @Override
        public Map<String, String> client() {
            return Map.of();
        }

        @Override
        public boolean supports(String packageName) {
            return false;
        }

        @Override
        public Map<String, Integer> supported() {
            return Map.of();
        }
    };

    static final Msdp MSDP = new Msdp() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void set(String name, Object value) {
            // no client can read it
        }

        @Override
        public Set<String> variables() {
            return Set.of();
        }

        @Override
        public Set<String> reported() {
            return Set.of();
        }
    };

    private NoMudProtocols() {
    }
}
