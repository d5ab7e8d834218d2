package io.homeward.ike.internal.exchange;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.Prf;
import io.homeward.ike.internal.proposal.Aead;
import io.homeward.ike.internal.proposal.ChildProposals;
import io.homeward.ike.internal.proposal.IkeProposals;

/**
 * What the engine offers and how it behaves: the IKE and ESP proposals, the installed crypto suites behind them,
 * the tunnel port's local endpoint (for NAT detection, RFC 7296 §2.23), retransmission (§2.1), the largest IKE
 * message sent unfragmented (RFC 7383 §2.5.1), how long a responder keeps a half-open SA (ikev2.md §7), how long
 * the peer may be silent before a liveness check (RFC 7296 §2.4; zero: never) and when SAs are rekeyed (§2.8).
 */
public record IkeSettings(IkeProposals ikeProposals, ChildProposals childProposals, List<CryptoSuite> suites,
        InetSocketAddress localEndpoint, Retransmission retransmission, int maxMessageLength,
        Duration halfOpenTimeout, Duration dpdDelay, Lifetimes lifetimes) {
    /**
     * The largest IKE message in a 1280-octet IPv6 datagram (RFC 7383 §2.5.1, strongSwan's fragment size): 1280
     * less 40 octets of IPv6 header, 8 of UDP and the 4-octet non-ESP marker.
     */
    public static final int MAX_MESSAGE_LENGTH = 1280 - 40 - 8 - 4;
    /** strongSwan's half-open timeout (ikev2.md §7). */
    public static final Duration HALF_OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** strongSwan's dpd_delay as charon's documentation suggests it for roaming hosts. */
    public static final Duration DPD_DELAY = Duration.ofSeconds(30);

    public IkeSettings {
        suites = List.copyOf(suites);
        if (dpdDelay.isNegative()) {
            throw new IllegalArgumentException("the liveness check delay must not be negative");
        }
    }

    /** Settings with the default liveness check delay and {@link Lifetimes}. */
    public IkeSettings(IkeProposals ikeProposals, ChildProposals childProposals, List<CryptoSuite> suites,
            InetSocketAddress localEndpoint, Retransmission retransmission, int maxMessageLength,
            Duration halfOpenTimeout) {
        this(ikeProposals, childProposals, suites, localEndpoint, retransmission, maxMessageLength, halfOpenTimeout,
                DPD_DELAY, Lifetimes.DEFAULTS);
    }

    /** Settings with this liveness check delay and the default {@link Lifetimes}. */
    public IkeSettings(IkeProposals ikeProposals, ChildProposals childProposals, List<CryptoSuite> suites,
            InetSocketAddress localEndpoint, Retransmission retransmission, int maxMessageLength,
            Duration halfOpenTimeout, Duration dpdDelay) {
        this(ikeProposals, childProposals, suites, localEndpoint, retransmission, maxMessageLength, halfOpenTimeout,
                dpdDelay, Lifetimes.DEFAULTS);
    }

    /** These settings with other lifetimes. */
    public IkeSettings with(Lifetimes other) {
        return new IkeSettings(ikeProposals, childProposals, suites, localEndpoint, retransmission, maxMessageLength,
                halfOpenTimeout, dpdDelay, other);
    }

    /**
     * The defaults over the installed suites, in their order: every suite's AEAD for IKE and ESP, PRF HMAC-SHA2-256
     * then -384, X25519 then ECP-256, ESP with and then without ESN.
     */
    public static IkeSettings of(List<CryptoSuite> suites, InetSocketAddress localEndpoint) {
        List<Aead> ciphers = suites.stream().flatMap(suite -> Aead.of(suite).stream()).toList();
        List<KeyExchangeGroup> groups = List.of(KeyExchangeGroup.CURVE25519, KeyExchangeGroup.ECP_256);
        return new IkeSettings(new IkeProposals(ciphers, List.of(Prf.HMAC_SHA2_256, Prf.HMAC_SHA2_384), groups),
                new ChildProposals(ciphers, List.of(true, false), groups), suites, localEndpoint,
                Retransmission.STRONGSWAN, MAX_MESSAGE_LENGTH, HALF_OPEN_TIMEOUT);
    }

    /** The installed suite of a negotiated AEAD. */
    public Optional<CryptoSuite> suite(Aead cipher) {
        return suites.stream().filter(suite -> suite.transformId() == cipher.transformId()).findFirst();
    }
}
