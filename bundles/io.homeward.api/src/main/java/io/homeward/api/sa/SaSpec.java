package io.homeward.api.sa;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * A pair of ESP SAs with one peer, as IKEv2 or a test installs it.
 *
 * @param peer          the peer's ULA, which keys the SA pair
 * @param inboundSpi    SPI the peer puts in packets to us
 * @param outboundSpi   SPI we put in packets to the peer
 * @param suite         the crypto suite name, for example {@code aes-gcm-16}
 * @param inboundKey    key material (key then salt) for packets from the peer
 * @param outboundKey   key material for packets to the peer
 * @param peerEndpoint  the peer's outer UDP endpoint
 */
public record SaSpec(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, byte[] inboundKey,
        byte[] outboundKey, InetSocketAddress peerEndpoint) {

    public SaSpec {
        inboundKey = inboundKey.clone();
        outboundKey = outboundKey.clone();
    }

    @Override
    public byte[] inboundKey() {
        return inboundKey.clone();
    }

    @Override
    public byte[] outboundKey() {
        return outboundKey.clone();
    }

    /** Keys never appear in logs. */
    @Override
    public String toString() {
        return "SaSpec[peer=" + peer + ", in=" + Integer.toHexString(inboundSpi) + ", out="
                + Integer.toHexString(outboundSpi) + ", suite=" + suite + ", endpoint=" + peerEndpoint + "]";
    }
}
