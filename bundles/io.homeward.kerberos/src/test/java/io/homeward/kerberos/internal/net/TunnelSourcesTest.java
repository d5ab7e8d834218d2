package io.homeward.kerberos.internal.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;

class TunnelSourcesTest {
    private static final Inet6Address HOME = ula("fd00:1:2:3::1");
    private static final Inet6Address LAPTOP = ula("fd00:1:2:3::2");

    private final List<Peer> listed = new ArrayList<>();
    private final PeerDirectory directory = new PeerDirectory() {
        @Override
        public List<Peer> peers() {
            return List.copyOf(listed);
        }

        @Override
        public Optional<Peer> peer(Inet6Address ula) {
            return listed.stream().filter(p -> p.ula().equals(ula)).findFirst();
        }
    };
    private final TunnelSources sources = new TunnelSources(() -> HOME, directory);

    @Test
    void allowsThisHostAndTheListedPeersOnly() throws Exception {
        assertTrue(sources.test(HOME));
        assertFalse(sources.test(LAPTOP));
        listed.add(new Peer("laptop", LAPTOP, Optional.empty(), Instant.EPOCH, "poll"));
        assertTrue(sources.test(LAPTOP), "a peer counts as soon as it is listed");
        assertFalse(sources.test(ula("fd00:1:2:3::3")));
        assertFalse(sources.test(InetAddress.getByName("192.168.1.20")));
        assertFalse(sources.test(InetAddress.getByName("2001:db8::2")));
        listed.clear();
        assertFalse(sources.test(LAPTOP), "and no longer once it is gone");
    }

    private static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
