package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.ChildSaKeys;
import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.proposal.ChildChoice;

/**
 * A Child SA as the SA database takes it: the SPIs of both directions (this side's reserved by the database), the
 * negotiated suite and ESN choice, and KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr) split by direction (RFC 7296
 * §2.17).
 */
final class ChildSaInstall {

    private ChildSaInstall() {
    }

    /**
     * @param sharedSecret g^ir of a CREATE_CHILD_SA with a key exchange; empty for the first Child SA and without PFS
     * @param initiated    whether this side initiated the exchange that made the Child SA (IKE_AUTH: the original
     *                     initiator)
     */
    static SaSpec spec(Inet6Address peer, InetSocketAddress endpoint, int inboundSpi, ChildChoice choice,
            CryptoSuite suite, IkeSaKeys keys, Optional<byte[]> sharedSecret, byte[] ni, byte[] nr,
            boolean initiated) {
        int length = choice.suite().cipher().keyMaterialLength();
        ChildSaKeys keymat = sharedSecret.isPresent()
                ? ChildSaKeys.derive(keys.prf(), keys.skD(), sharedSecret.get(), ni, nr, length)
                : ChildSaKeys.derive(keys.prf(), keys.skD(), ni, nr, length);
        return new SaSpec(peer, inboundSpi, choice.peerSpi(), suite.name(), keymat.inbound(initiated),
                keymat.outbound(initiated), endpoint, choice.suite().esn());
    }
}
