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
 * @param esn           whether both SAs use Extended Sequence Numbers (RFC 4303 §2.2.1)
 * @param replayWindow  how many sequence numbers below the highest one received the inbound SA still accepts once
 *                      (RFC 4303 §3.4.3), from {@value #MIN_REPLAY_WINDOW} to {@value #MAX_REPLAY_WINDOW}
 */
public record SaSpec(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, byte[] inboundKey,
        byte[] outboundKey, InetSocketAddress peerEndpoint, boolean esn, int replayWindow) {

    /**
     * The smallest replay window: RFC 4303 §3.4.3 asks for at least 32, with 64 the default.
     *
     * @since 1.3
     */
    public static final int MIN_REPLAY_WINDOW = 32;

    /**
     * The largest replay window, and the one of specs that name none (every SA had it before the choice existed).
     *
     * @since 1.3
     */
    public static final int MAX_REPLAY_WINDOW = 4096;

    /** @throws IllegalArgumentException if the replay window is out of range */
    public SaSpec {
        if (replayWindow < MIN_REPLAY_WINDOW || replayWindow > MAX_REPLAY_WINDOW) {
            throw new IllegalArgumentException("a replay window is " + MIN_REPLAY_WINDOW + " to " + MAX_REPLAY_WINDOW
                    + " packets, not " + replayWindow);
        }
        inboundKey = inboundKey.clone();
        outboundKey = outboundKey.clone();
    }

    /**
     * A spec with the largest replay window.
     *
     * @since 1.2
     */
    public SaSpec(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, byte[] inboundKey,
            byte[] outboundKey, InetSocketAddress peerEndpoint, boolean esn) {
        this(peer, inboundSpi, outboundSpi, suite, inboundKey, outboundKey, peerEndpoint, esn, MAX_REPLAY_WINDOW);
    }

    /** A spec with Extended Sequence Numbers, as every SA had before the choice existed. */
    public SaSpec(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, byte[] inboundKey,
            byte[] outboundKey, InetSocketAddress peerEndpoint) {
        this(peer, inboundSpi, outboundSpi, suite, inboundKey, outboundKey, peerEndpoint, true, MAX_REPLAY_WINDOW);
    }

    @Override
    public byte[] inboundKey() {
        return inboundKey.clone();
    }

    @Override
    public byte[] outboundKey() {
        return outboundKey.clone();
    }

    /**
     * Whether both SAs use Extended Sequence Numbers (RFC 4303 §2.2.1): 64-bit sequence numbers whose high half is
     * authenticated but not sent. Without them, sequence numbers are 32 bits and an SA stops sending at the last one
     * (RFC 4303 §3.3.3), so it must be replaced before. IKEv2 negotiates this as transform type 5 (RFC 7296 §3.3.2).
     *
     * @since 1.2
     */
    @Override
    public boolean esn() {
        return esn;
    }

    /**
     * How many sequence numbers below the highest one received the inbound SA still accepts once.
     *
     * @since 1.3
     */
    @Override
    public int replayWindow() {
        return replayWindow;
    }

    /**
     * A copy of this spec with another peer endpoint.
     *
     * @since 1.3
     */
    public SaSpec withPeerEndpoint(InetSocketAddress endpoint) {
        return new SaSpec(peer, inboundSpi, outboundSpi, suite, inboundKey, outboundKey, endpoint, esn, replayWindow);
    }

    /** Keys never appear in logs. */
    @Override
    public String toString() {
        return "SaSpec[peer=" + peer + ", in=" + Integer.toHexString(inboundSpi) + ", out="
                + Integer.toHexString(outboundSpi) + ", suite=" + suite + ", esn=" + (esn ? "on" : "off")
                + ", replay window=" + replayWindow + ", endpoint=" + peerEndpoint + "]";
    }
}
