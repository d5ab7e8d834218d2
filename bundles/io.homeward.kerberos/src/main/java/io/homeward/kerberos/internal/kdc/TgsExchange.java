package io.homeward.kerberos.internal.kdc;

import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.homeward.kerberos.internal.crypto.BadIntegrityException;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.replay.ReplayKey;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.store.PrincipalKeys;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncKdcRepPart;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcOptions;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.LastReq;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.kerberos.internal.wire.TransitedEncoding;

/**
 * The TGS exchange (RFC 4120 §3.3; docs/kerberos.md "The KDC's engine"): a TGS-REQ carries in PA-TGS-REQ an AP-REQ
 * with a TGT of this KDC. The TGT is opened with the ticket-granting key, the authenticator with its session key; the
 * authenticator must name the TGT's client, be within the clock skew, never seen before, and carry a keyed checksum
 * of the request body as received. The service ticket is sealed in the service's key and lasts no longer than the
 * TGT; the reply is sealed in the authenticator's subkey when it has one, else in the TGT's session key.
 */
final class TgsExchange {
    /** RFC 4120 §5.4.1 options this KDC does not serve: it issues no proxy, postdated or user-to-user tickets. */
    private static final int[] REFUSED_OPTIONS = {KdcOptions.FORWARDED, KdcOptions.PROXY, KdcOptions.POSTDATED,
        KdcOptions.ENC_TKT_IN_SKEY, KdcOptions.VALIDATE};

    private final String realm;
    private final PrincipalKeyRing ticketGranting;
    private final PrincipalKeyStore store;
    private final ReplayCache replays;
    private final TicketPolicy policy;
    private final KerberosCipher cipher;
    private final Clock clock;
    private final TgsServiceKeys serviceKeys = new TgsServiceKeys();
    /** The replay cache's server name for TGS authenticators. */
    private final String ticketGrantingPrincipal;

    TgsExchange(String realm, PrincipalKeyRing ticketGranting, PrincipalKeyStore store, ReplayCache replays,
            TicketPolicy policy, KerberosCipher cipher, Clock clock) {
        this.realm = realm;
        this.ticketGranting = ticketGranting;
        this.store = store;
        this.replays = replays;
        this.policy = policy;
        this.cipher = cipher;
        this.clock = clock;
        this.ticketGrantingPrincipal = ticketGranting.principal();
    }

    Issued answer(KdcReq request) throws KdcRefusal {
        KdcReqBody body = request.body();
        PaData paTgsReq = request.padata(PaData.PA_TGS_REQ).orElseThrow(() -> new KdcRefusal(
                ErrorCodes.KDC_ERR_PADATA_TYPE_NOSUPP, "the TGS-REQ carries no PA-TGS-REQ"));
        ApReq apReq;
        try {
            apReq = ApReq.decode(paTgsReq.value());
        } catch (KerberosFormatException e) {
            throw new KdcRefusal(e.errorCode(), "PA-TGS-REQ: " + e.getMessage());
        }
        EncTicketPart tgt = openTicket(apReq.ticket());
        KerberosKey session = key(tgt.key(), "the TGT's session key");
        Authenticator authenticator = openAuthenticator(apReq.authenticator(), session);
        if (!authenticator.crealm().equals(tgt.crealm())
                || !authenticator.cname().components().equals(tgt.cname().components())) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BADMATCH, "the authenticator names "
                    + authenticator.cname() + "@" + authenticator.crealm() + ", the TGT " + tgt.cname() + "@"
                    + tgt.crealm());
        }
        checkBodyChecksum(authenticator, session, request.bodyDer());
        admit(authenticator, tgt, apReq.authenticator());
        checkTimes(tgt);
        for (int option : REFUSED_OPTIONS) {
            if (body.kdcOptions().has(option)) {
                throw new KdcRefusal(ErrorCodes.KDC_ERR_BADOPTION, "KDC option " + option + " is not served here");
            }
        }
        if (body.kdcOptions().has(KdcOptions.RENEW)) {
            return renew(body, tgt, authenticator, session);
        }
        PrincipalName asked = body.sname().orElseThrow(() -> new KdcRefusal(
                ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN, "the TGS-REQ names no server"));
        PrincipalKeys server = server(body.realm(), asked);
        return issue(body, tgt, authenticator, session, new PrincipalName(asked.nameType(), server.name()),
                server);
    }

    private EncTicketPart openTicket(Ticket ticket) throws KdcRefusal {
        if (!ticket.realm().equals(realm) || !ticket.sname().components().equals(ticketGranting.name())) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_NOT_US, "the ticket is for " + ticket.sname() + "@"
                    + ticket.realm() + ", not " + ticketGranting.principal());
        }
        EncryptedData sealed = ticket.encPart();
        if (sealed.kvno().isPresent() && sealed.kvno().getAsLong() != ticketGranting.kvno()) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BADKEYVER, "the TGT is sealed in key version "
                    + sealed.kvno().getAsLong() + ", the current one is " + ticketGranting.kvno());
        }
        EncryptionType type = EncryptionType.of(sealed.etype()).orElseThrow(() -> new KdcRefusal(
                ErrorCodes.KDC_ERR_ETYPE_NOSUPP, "the TGT is sealed with etype " + sealed.etype()));
        try {
            return EncTicketPart.decode(cipher.decrypt(ticketGranting.key(type), KeyUsage.TICKET, sealed.cipher()));
        } catch (BadIntegrityException | KerberosFormatException e) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, "the TGT does not open with the "
                    + "ticket-granting key: " + e.getMessage());
        }
    }

    private Authenticator openAuthenticator(EncryptedData sealed, KerberosKey session) throws KdcRefusal {
        if (sealed.etype() != session.type().number()) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, "the authenticator is sealed with etype "
                    + sealed.etype() + ", the session key is " + session.type().number());
        }
        try {
            return Authenticator.decode(cipher.decrypt(session, KeyUsage.TGS_REQ_AUTHENTICATOR, sealed.cipher()));
        } catch (BadIntegrityException | KerberosFormatException e) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, "the authenticator does not open with the "
                    + "TGT's session key: " + e.getMessage());
        }
    }

    /** RFC 4120 §7.2.2 (KRB_TGS_REQ), §5.5.1: a keyed checksum of the req-body's octets, usage 6. */
    private void checkBodyChecksum(Authenticator authenticator, KerberosKey session, byte[] bodyDer)
            throws KdcRefusal {
        Checksum checksum = authenticator.cksum().orElseThrow(() -> new KdcRefusal(
                ErrorCodes.KRB_AP_ERR_MODIFIED, "the authenticator has no checksum of the request body"));
        if (checksum.type() != session.type().checksumType()) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM, "checksum type " + checksum.type()
                    + " is not the session key's keyed checksum " + session.type().checksumType());
        }
        if (!cipher.verifyChecksum(session, KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, bodyDer, checksum.type(),
                checksum.checksum())) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_MODIFIED, "the request body is not the one the "
                    + "authenticator's checksum covers");
        }
    }

    private void admit(Authenticator authenticator, EncTicketPart tgt, EncryptedData sealed) throws KdcRefusal {
        String client = tgt.cname() + "@" + tgt.crealm();
        switch (replays.admit(ReplayKey.of(client, ticketGrantingPrincipal, authenticator.ctime(),
                authenticator.cusec(), sealed.cipher()))) {
            case ADMITTED -> {
            }
            case OUTSIDE_SKEW -> throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_SKEW, "the authenticator's time "
                    + authenticator.ctime() + " is more than " + policy.clockSkew().toSeconds()
                    + " s from the KDC's " + clock.instant());
            case REPLAYED -> throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_REPEAT, "an authenticator of " + client
                    + " seen before (" + authenticator.ctime() + ")");
            case FULL -> throw new KdcRefusal(ErrorCodes.KDC_ERR_SVC_UNAVAILABLE,
                    "the replay cache is full, try again later");
        }
    }

    private void checkTimes(EncTicketPart tgt) throws KdcRefusal {
        Instant now = clock.instant();
        Instant start = tgt.starttime().orElse(tgt.authtime());
        if (tgt.flags().has(TicketFlags.INVALID) || start.isAfter(now.plus(policy.clockSkew()))) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_TKT_NYV, "the TGT is valid from " + start + ", the KDC's time "
                    + now);
        }
        if (tgt.endtime().plus(policy.clockSkew()).isBefore(now)) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_TKT_EXPIRED, "the TGT ended at " + tgt.endtime()
                    + ", the KDC's time " + now);
        }
    }

    /**
     * The server asked for, in this realm. A host-based name ({@code HTTP/Home.Alice.Members.Example}, as MIT's
     * {@code kvno} sends it with NT-SRV-HST or the canonicalize option, RFC 6806) matches whatever the host name's
     * case; the reply names the principal as registered.
     */
    private PrincipalKeys server(String requestRealm, PrincipalName asked) throws KdcRefusal {
        if (!requestRealm.equals(realm)) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN, "this KDC serves the realm " + realm
                    + " only (no cross-realm referrals), not " + requestRealm);
        }
        Optional<PrincipalKeys> found = store.find(asked.components());
        if (found.isEmpty() && asked.components().size() == 2) {
            String host = asked.components().get(1).toLowerCase(Locale.ROOT);
            found = store.find(List.of(asked.components().get(0), host.endsWith(".")
                    ? host.substring(0, host.length() - 1) : host));
        }
        return found.orElseThrow(() -> new KdcRefusal(ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN, "no service "
                + asked + "@" + realm + " is registered here"));
    }

    private Issued issue(KdcReqBody body, EncTicketPart tgt, Authenticator authenticator, KerberosKey session,
            PrincipalName sname, PrincipalKeys server) throws KdcRefusal {
        Instant now = clock.instant();
        Instant end = TicketTimes.earliest(TicketTimes.requested(body.till()), now.plus(policy.ticketLifetime()),
                tgt.endtime());
        if (!end.isAfter(now)) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_NEVER_VALID, "the requested end time " + body.till()
                    + " is not after the KDC's time " + now);
        }
        KerberosFlags flags = KerberosFlags.NONE;
        if (tgt.flags().has(TicketFlags.PRE_AUTHENT)) {
            flags = flags.with(TicketFlags.PRE_AUTHENT);
        }
        if (body.kdcOptions().has(KdcOptions.FORWARDABLE) && tgt.flags().has(TicketFlags.FORWARDABLE)) {
            flags = flags.with(TicketFlags.FORWARDABLE);
        }
        Optional<Instant> renewTill = Optional.empty();
        if (body.kdcOptions().has(KdcOptions.RENEWABLE) && tgt.flags().has(TicketFlags.RENEWABLE)
                && tgt.renewTill().isPresent()) {
            Instant until = TicketTimes.earliest(TicketTimes.requested(body.rtime().orElse(Instant.EPOCH)),
                    tgt.renewTill().get());
            if (until.isAfter(end)) {
                renewTill = Optional.of(until);
                flags = flags.with(TicketFlags.RENEWABLE);
            }
        }
        return seal(body, tgt, authenticator, session, sname, server, flags, tgt.authtime(), now, end, renewTill);
    }

    /** RFC 4120 §3.3.3.1: a renewable TGT renewed before its renew-till gets a new end time. */
    private Issued renew(KdcReqBody body, EncTicketPart tgt, Authenticator authenticator, KerberosKey session)
            throws KdcRefusal {
        Instant now = clock.instant();
        if (!tgt.flags().has(TicketFlags.RENEWABLE) || tgt.renewTill().isEmpty()) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_BADOPTION, "the TGT is not renewable");
        }
        Instant renewTill = tgt.renewTill().get();
        if (!renewTill.isAfter(now)) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_TKT_EXPIRED, "the TGT was renewable until " + renewTill);
        }
        Instant end = TicketTimes.earliest(now.plus(policy.ticketLifetime()), renewTill);
        return seal(body, tgt, authenticator, session, PrincipalName.ticketGrantingService(realm),
                store.ticketGranting(), tgt.flags().without(TicketFlags.INITIAL), tgt.authtime(), now, end,
                Optional.of(renewTill));
    }

    private Issued seal(KdcReqBody body, EncTicketPart tgt, Authenticator authenticator, KerberosKey session,
            PrincipalName sname, PrincipalKeys server, KerberosFlags flags, Instant authtime, Instant start,
            Instant end, Optional<Instant> renewTill) throws KdcRefusal {
        EncryptionType etype = TicketTimes.etype(body.etypes());
        KerberosKey serviceSession = cipher.randomKey(etype);
        EncryptionKey sessionKey = new EncryptionKey(etype.number(), serviceSession.value());
        EncTicketPart ticketPart = new EncTicketPart(flags, sessionKey, tgt.crealm(), tgt.cname(),
                TransitedEncoding.none(), authtime, Optional.of(start), end, renewTill, tgt.caddr(), List.of());
        Ticket ticket = new Ticket(realm, sname, new EncryptedData(etype.number(), OptionalLong.of(server.kvno()),
                cipher.encrypt(serviceKeys.key(server, etype), KeyUsage.TICKET, ticketPart.encode())));
        EncKdcRepPart repPart = new EncKdcRepPart(EncKdcRepPart.ENC_TGS_REP_PART, sessionKey,
                List.of(LastReq.none()), body.nonce(), Optional.empty(), flags, authtime, Optional.of(start), end,
                renewTill, realm, sname, tgt.caddr(), List.of());
        KerberosKey replyKey = session;
        int usage = KeyUsage.TGS_REP_ENC_PART_SESSION_KEY;
        if (authenticator.subkey().isPresent()) {
            replyKey = key(authenticator.subkey().get(), "the authenticator's subkey");
            usage = KeyUsage.TGS_REP_ENC_PART_SUBKEY;
        }
        KdcRep reply = new KdcRep(KerberosMessage.TGS_REP, List.of(), tgt.crealm(), tgt.cname(), ticket,
                new EncryptedData(replyKey.type().number(), OptionalLong.empty(),
                        cipher.encrypt(replyKey, usage, repPart.encode())));
        return new Issued(reply.encode(), "ticket for " + tgt.cname() + "@" + tgt.crealm() + " to " + sname + "@"
                + realm + " until " + end + ", " + etype);
    }

    private static KerberosKey key(EncryptionKey key, String what) throws KdcRefusal {
        EncryptionType type = EncryptionType.of(key.keyType()).orElseThrow(() -> new KdcRefusal(
                ErrorCodes.KDC_ERR_ETYPE_NOSUPP, what + " has etype " + key.keyType()));
        try {
            return KerberosKey.of(type, key.keyValue());
        } catch (InvalidKeyException e) {
            throw new KdcRefusal(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, what + ": " + e.getMessage());
        }
    }
}
