package io.homeward.autotunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * An SA database that lists what the test sets and tells its missing-SA listeners what the test sends; the
 * autotunnel only reads and listens, so every change fails the test.
 */
final class FakeSaDatabase implements SecurityAssociationDatabase {
    final Set<MissingSaListener> listeners = new LinkedHashSet<>();
    volatile List<SaStatus> pairs = List.of();

    /** A packet to the address found no pair. */
    void sendTo(Inet6Address destination) {
        new ArrayList<>(listeners).forEach(l -> l.noSa(destination));
    }

    static SaStatus pair(Inet6Address peer, int inboundSpi, long packetsIn, long packetsOut) {
        return new SaStatus(peer, inboundSpi, inboundSpi + 1, "aes-gcm-16", new InetSocketAddress("11.0.0.2", 4500),
                packetsIn, packetsIn * 100, packetsOut, packetsOut * 100, Map.of());
    }

    @Override
    public List<SaStatus> list() {
        return pairs;
    }

    @Override
    public synchronized void addMissingSaListener(MissingSaListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void removeMissingSaListener(MissingSaListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void install(SaSpec spec) {
        throw new AssertionError("the autotunnel installs no SA");
    }

    @Override
    public void add(SaSpec spec, Sending sending) {
        throw new AssertionError("the autotunnel adds no SA");
    }

    @Override
    public int reserveSpi() {
        throw new AssertionError("the autotunnel reserves no SPI");
    }

    @Override
    public void releaseSpi(int spi) {
        throw new AssertionError("the autotunnel releases no SPI");
    }

    @Override
    public boolean remove(Inet6Address peer) {
        throw new AssertionError("the autotunnel removes no SA: the key exchange does");
    }

    @Override
    public boolean remove(Inet6Address peer, int inboundSpi) {
        throw new AssertionError("the autotunnel removes no SA: the key exchange does");
    }

    @Override
    public boolean moveEndpoint(Inet6Address peer, InetSocketAddress to) {
        throw new AssertionError("the autotunnel moves no SA");
    }
}
