package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;

class PeerKdcAddressesTest {
    private static final Inet6Address HOME = ula("fd00:1:2:3::10");

    private static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final PeerDirectory directory = new PeerDirectory() {
        @Override
        public List<Peer> peers() {
            return List.of(new Peer("home", HOME, Optional.empty(), Instant.EPOCH, "dns-push"));
        }

        @Override
        public Optional<Peer> peer(Inet6Address ula) {
            return peers().stream().filter(peer -> peer.ula().equals(ula)).findFirst();
        }
    };

    @Test
    void aPeerOfTheUsersZoneIsFoundByItsLabel() throws Exception {
        PeerKdcAddresses addresses = new PeerKdcAddresses(directory, () -> Optional.of("Alice.Members.Example."));
        assertEquals(HOME, addresses.kdcOf("home.alice.members.example"));
        assertEquals(HOME, addresses.kdcOf("HOME.alice.members.example."));
    }

    @Test
    void otherNamesAreRefusedWithTheReason() {
        PeerKdcAddresses addresses = new PeerKdcAddresses(directory, () -> Optional.of("alice.members.example."));
        assertEquals("the peer directory does not list work.alice.members.example (yet)",
                message(addresses, "work.alice.members.example"));
        assertEquals("home.bob.members.example is not a host of alice.members.example",
                message(addresses, "home.bob.members.example"));
        assertEquals("alice.members.example is not a host of alice.members.example",
                message(addresses, "alice.members.example"));
        assertEquals("not signed in: the user's hosts are unknown",
                message(new PeerKdcAddresses(directory, Optional::empty), "home.alice.members.example"));
    }

    private static String message(PeerKdcAddresses addresses, String host) {
        return assertThrows(UnknownHostException.class, () -> addresses.kdcOf(host)).getMessage();
    }
}
