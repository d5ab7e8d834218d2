package io.homeward.kerberos.internal.kdc;

import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.pkinit.Krb5PrincipalName;
import io.homeward.kerberos.internal.pkinit.PkinitAsRequest;
import io.homeward.kerberos.internal.pkinit.PkinitException;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.PkinitReply;
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
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.LastReq;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.kerberos.internal.wire.TransitedEncoding;

/**
 * The AS exchange (RFC 4120 §3.1) with PKINIT as the only pre-authentication (RFC 4556; docs/kerberos.md "The KDC's
 * engine"): the one client this KDC knows is the host's user ({@code alice@REALM}) and the one server it issues
 * initial tickets for is its ticket-granting service. A request without PA-PK-AS-REQ is answered PREAUTH_REQUIRED
 * listing it; a verified one gets a TGT sealed in the ticket-granting key and an EncASRepPart sealed in the PKINIT
 * reply key.
 */
final class AsExchange {
    private final String realm;
    private final Krb5PrincipalName user;
    private final PrincipalKeyRing ticketGranting;
    private final PkinitKdc pkinit;
    private final TicketPolicy policy;
    private final KerberosCipher cipher;
    private final Clock clock;

    AsExchange(String realm, Krb5PrincipalName user, PrincipalKeyRing ticketGranting, PkinitKdc pkinit,
            TicketPolicy policy, KerberosCipher cipher, Clock clock) {
        this.realm = realm;
        this.user = user;
        this.ticketGranting = ticketGranting;
        this.pkinit = pkinit;
        this.policy = policy;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @param asReq the AS-REQ's octets as received, which the RFC 8636 KDF hashes */
    Issued answer(KdcReq request, byte[] asReq) throws KdcRefusal {
        KdcReqBody body = request.body();
        PrincipalName cname = body.cname().orElseThrow(() -> new KdcRefusal(ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN,
                "the AS-REQ names no client"));
        if (!body.realm().equals(realm)) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_WRONG_REALM, "this KDC serves the realm " + realm + ", not "
                    + body.realm());
        }
        if (!cname.components().equals(user.components())) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN, "the only client of this KDC is " + user
                    + ", not " + cname + "@" + realm);
        }
        PrincipalName sname = body.sname().orElseThrow(() -> new KdcRefusal(ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN,
                "the AS-REQ names no server"));
        if (!sname.components().equals(ticketGranting.name())) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN, "the AS exchange issues tickets for "
                    + ticketGranting.principal() + " only, not " + sname + "@" + realm);
        }
        EncryptionType etype = TicketTimes.etype(body.etypes());
        Optional<PaData> paPkAsReq = request.padata(PaData.PA_PK_AS_REQ);
        if (paPkAsReq.isEmpty()) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_PREAUTH_REQUIRED, "PKINIT is required",
                    PaData.encodeMethodData(List.of(new PaData(PaData.PA_PK_AS_REQ, new byte[0]))));
        }
        PkinitReply verified;
        try {
            verified = pkinit.answer(paPkAsReq.get().value(), new PkinitAsRequest(request.bodyDer(), body.nonce(),
                    new Krb5PrincipalName(cname.nameType(), cname.components(), body.realm()),
                    new Krb5PrincipalName(sname.nameType(), sname.components(), body.realm()), asReq), etype);
        } catch (PkinitException e) {
            throw new KdcRefusal(e.errorCode(), e.getMessage(), e.eData().orElse(null));
        }
        return issue(request, cname, sname, etype, verified);
    }

    private Issued issue(KdcReq request, PrincipalName cname, PrincipalName sname, EncryptionType etype,
            PkinitReply verified) throws KdcRefusal {
        KdcReqBody body = request.body();
        Instant now = clock.instant();
        Instant notAfter = verified.certificate().getNotAfter().toInstant();
        Instant end = TicketTimes.earliest(TicketTimes.requested(body.till()), now.plus(policy.ticketLifetime()),
                notAfter);
        if (!end.isAfter(now)) {
            throw new KdcRefusal(ErrorCodes.KDC_ERR_NEVER_VALID, "the requested end time " + body.till()
                    + " is not after the KDC's time " + now);
        }
        KerberosFlags options = body.kdcOptions();
        KerberosFlags flags = KerberosFlags.of(TicketFlags.INITIAL, TicketFlags.PRE_AUTHENT);
        if (options.has(KdcOptions.FORWARDABLE)) {
            flags = flags.with(TicketFlags.FORWARDABLE);
        }
        Optional<Instant> renewTill = Optional.empty();
        if (options.has(KdcOptions.RENEWABLE) && !policy.renewableLifetime().isZero()) {
            Instant until = TicketTimes.earliest(TicketTimes.requested(body.rtime().orElse(Instant.EPOCH)),
                    now.plus(policy.renewableLifetime()), notAfter);
            if (until.isAfter(end)) {
                renewTill = Optional.of(until);
                flags = flags.with(TicketFlags.RENEWABLE);
            }
        }
        KerberosKey session = cipher.randomKey(etype);
        EncryptionKey sessionKey = new EncryptionKey(etype.number(), session.value());
        PrincipalName client = new PrincipalName(PrincipalName.NT_PRINCIPAL, user.components());
        EncTicketPart ticketPart = new EncTicketPart(flags, sessionKey, realm, client, TransitedEncoding.none(), now,
                Optional.of(now), end, renewTill, body.addresses(), List.of());
        Ticket ticket = new Ticket(realm, PrincipalName.ticketGrantingService(realm), new EncryptedData(
                etype.number(), OptionalLong.of(ticketGranting.kvno()),
                cipher.encrypt(ticketGranting.key(etype), KeyUsage.TICKET, ticketPart.encode())));
        // RFC 4120 §5.4.2: EncASRepPart; MIT's client takes either tag (docs/kerberos.md "Messages on the wire").
        EncKdcRepPart repPart = new EncKdcRepPart(EncKdcRepPart.ENC_AS_REP_PART, sessionKey, List.of(LastReq.none()),
                body.nonce(), Optional.empty(), flags, now, Optional.of(now), end, renewTill, realm,
                PrincipalName.ticketGrantingService(realm), body.addresses(), List.of());
        KdcRep reply = new KdcRep(KerberosMessage.AS_REP, List.of(new PaData(PaData.PA_PK_AS_REP,
                verified.paPkAsRep())), realm, cname, ticket, new EncryptedData(etype.number(), OptionalLong.empty(),
                cipher.encrypt(replyKey(etype, verified), KeyUsage.AS_REP_ENC_PART, repPart.encode())));
        return new Issued(reply.encode(), "TGT for " + user + " (certificate "
                + verified.certificate().getSubjectX500Principal().getName() + ") until " + end + ", " + etype);
    }

    private static KerberosKey replyKey(EncryptionType etype, PkinitReply verified) {
        try {
            return KerberosKey.of(etype, verified.replyKey());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the PKINIT reply key does not fit " + etype, e);
        }
    }
}
