package io.homeward.ike.internal.exchange;

import java.security.SecureRandom;
import java.time.Clock;

import org.osgi.service.log.Logger;

import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.ike.internal.crypto.Cookies;
import io.homeward.kit.schedule.Scheduler;

/**
 * Everything the IKE SAs of one engine share: settings, this host, the check of peers' certificates and their ULAs,
 * the SA database the Child SAs go to, the datagram seam, the scheduler (its one thread runs the engine), the
 * randomness for SPIs, nonces and keys, the log, the responder's cookie secret and half-open count (§2.6), who
 * hears of installed Child SAs and closed IKE SAs, where a
 * first Child SA goes when the peer has a pair already (simultaneous start), and the clock the ages of SAs and their rekey times are read on.
 */
public record IkeContext(IkeSettings settings, LocalHost host, PeerCertificateCheck check, PeerUlas peers,
        SecurityAssociationDatabase database, Datagrams datagrams, Scheduler scheduler, SecureRandom random,
        Logger logger, Cookies cookies, HalfOpenCounter halfOpen, IkeSaEvents events,
        FirstChildPlacement placement, Clock clock) {

    /** 32 random octets: a nonce of at least half the PRF's key size (RFC 7296 §2.10) for both PRFs offered. */
    byte[] nonce() {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        return nonce;
    }
}
