package io.homeward.itests.bench;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * The SA database of the IKE load generator, which carries no ESP: it hands out fresh SPIs and forgets every pair
 * the handshakes key, so thousands of Child SAs cost it nothing.
 */
final class DiscardingSaDatabase implements SecurityAssociationDatabase {
    /** Told of packets to an address without a pair. */
    private final Set<MissingSaListener> missingSaListeners = new CopyOnWriteArraySet<>();
    /** SPIs 0 to 255 are reserved (RFC 4303 §2.1). */
    private static final int FIRST_SPI = 256;

    private final SecureRandom random;

    DiscardingSaDatabase(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void install(SaSpec spec) {
        // Nothing is kept: the load generator only counts handshakes.
    }

    @Override
    public void add(SaSpec spec, Sending sending) {
        // Nothing is kept: the load generator only counts handshakes.
    }

    @Override
    public int reserveSpi() {
        int spi;
        do {
            spi = random.nextInt();
        } while (Integer.compareUnsigned(spi, FIRST_SPI) < 0);
        return spi;
    }

    @Override
    public void releaseSpi(int spi) {
        // No SPI is held.
    }

    @Override
    public boolean remove(Inet6Address peer) {
        return false;
    }

    @Override
    public boolean moveEndpoint(Inet6Address peer, InetSocketAddress to) {
        return false;
    }

    @Override
    public boolean remove(Inet6Address peer, int inboundSpi) {
        return false;
    }

    @Override
    public void addMissingSaListener(MissingSaListener listener) {
        missingSaListeners.add(listener);
    }

    @Override
    public void removeMissingSaListener(MissingSaListener listener) {
        missingSaListeners.remove(listener);
    }

    @Override
    public List<SaStatus> list() {
        return List.of();
    }
}
