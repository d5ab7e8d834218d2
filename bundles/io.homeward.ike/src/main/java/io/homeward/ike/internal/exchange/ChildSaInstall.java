package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.ChildSaKeys;
import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.proposal.ChildChoice;

/**
 * The first Child SA of an IKE SA as the SA database takes it: the SPIs of both directions, the negotiated suite and
 * ESN choice, and KEYMAT = prf+(SK_d, Ni | Nr) split by direction (RFC 7296 §2.17).
 */
final class ChildSaInstall {
    /** SPIs 1 to 255 are reserved (RFC 4303 §2.1), 0 is none. */
    private static final int FIRST_SPI = 256;

    private ChildSaInstall() {
    }

    /**
     * An inbound ESP SPI of this side. The SA database does not allocate SPIs, so this one is random; a clash with
     * another peer's is as unlikely as 1 in 2³² and shows as packets that do not authenticate.
     */
    static int newSpi(SecureRandom random) {
        int spi;
        do {
            spi = random.nextInt();
        } while (Integer.compareUnsigned(spi, FIRST_SPI) < 0);
        return spi;
    }

    /**
     * @param initiated whether this side initiated the exchange that made the Child SA (IKE_AUTH: the original
     *                  initiator)
     */
    static SaSpec spec(Inet6Address peer, InetSocketAddress endpoint, int inboundSpi, ChildChoice choice,
            CryptoSuite suite, IkeSaKeys keys, byte[] ni, byte[] nr, boolean initiated) {
        ChildSaKeys keymat = ChildSaKeys.derive(keys.prf(), keys.skD(), ni, nr,
                choice.suite().cipher().keyMaterialLength());
        return new SaSpec(peer, inboundSpi, choice.peerSpi(), suite.name(), keymat.inbound(initiated),
                keymat.outbound(initiated), endpoint, choice.suite().esn());
    }
}
