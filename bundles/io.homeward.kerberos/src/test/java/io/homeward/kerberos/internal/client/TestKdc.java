package io.homeward.kerberos.internal.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.Krb5PrincipalName;
import io.homeward.kerberos.internal.pkinit.PkinitAsRequest;
import io.homeward.kerberos.internal.pkinit.PkinitException;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.PkinitReply;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.EncKdcRepPart;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.LastReq;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.kerberos.internal.wire.TransitedEncoding;

/**
 * A minimal KDC for the client's tests, in memory behind {@link KdcTransport}: PKINIT with K3's {@link PkinitKdc} for
 * the AS exchange, the TGS exchange checking the ticket-granting ticket, the authenticator and its checksum of the
 * body, and knobs that make it answer wrongly in each of the ways the client must notice.
 */
final class TestKdc implements KdcTransport {
    static final String HOST = "home.alice.members.example";
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    static final Duration MAX_LIFE = Duration.ofHours(10);

    private final Clock clock;
    private final KerberosCipher cipher = new KerberosCipher(new SecureRandom());
    private final PkinitKdc pkinit;
    private final ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, REALM);
    private final Map<String, KerberosKey> keys = new HashMap<>();
    final List<Integer> requests = new ArrayList<>();

    int asError;
    int tgsError;
    IOException unreachable;
    byte[] rawAnswer;
    boolean wrongNonce;
    boolean wrongServer;
    boolean wrongReplyKey;
    boolean noPkAsRep;
    EncryptionType enctype = EncryptionType.AES256_CTS_HMAC_SHA384_192;

    TestKdc(TestAccountCa ca, TestAccountCa.Host home, Clock clock) {
        this.clock = clock;
        this.pkinit = new PkinitKdc(home.credential(), Set.of(new TrustAnchor(ca.certificate, null)),
                certificate -> false, mapping, clock, new SecureRandom());
    }

    /** The key of a principal, {@code krbtgt/REALM@REALM} or {@code HTTP/host@REALM}, made when first asked. */
    synchronized KerberosKey key(String principal) {
        return keys.computeIfAbsent(principal, name -> cipher.randomKey(enctype));
    }

    /** New keys for every principal, as a KDC whose keytab was moved away. */
    synchronized void newKeys() {
        keys.clear();
    }

    @Override
    public synchronized byte[] exchange(String host, byte[] request) throws IOException {
        if (!HOST.equals(host)) {
            throw new IOException("no KDC for " + host);
        }
        if (unreachable != null) {
            throw unreachable;
        }
        KdcReq req;
        try {
            req = KdcReq.decode(request);
        } catch (Exception e) {
            throw new AssertionError("the client sent an unreadable request", e);
        }
        requests.add(req.messageType());
        if (rawAnswer != null) {
            return rawAnswer;
        }
        try {
            return req.messageType() == KerberosMessage.AS_REQ ? as(req, request) : tgs(req);
        } catch (PkinitException e) {
            return error(e.errorCode(), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError("the test KDC failed", e);
        }
    }

    private byte[] as(KdcReq req, byte[] encoded) throws Exception {
        if (asError != 0) {
            return error(asError, "refused by the test");
        }
        PrincipalName cname = req.body().cname().orElseThrow();
        PkinitAsRequest asRequest = new PkinitAsRequest(req.bodyDer(), req.body().nonce(),
                new Krb5PrincipalName(cname.nameType(), cname.components(), req.body().realm()),
                Krb5PrincipalName.ticketGrantingService(REALM), encoded);
        PkinitReply reply = pkinit.answer(req.padata(PaData.PA_PK_AS_REQ).orElseThrow().value(), asRequest,
                enctype);
        KerberosKey replyKey = wrongReplyKey ? cipher.randomKey(enctype) : KerberosKey.of(enctype, reply.replyKey());
        List<PaData> padata = noPkAsRep ? List.of() : List.of(new PaData(PaData.PA_PK_AS_REP, reply.paPkAsRep()));
        return issue(KerberosMessage.AS_REP, req, cname, PrincipalName.ticketGrantingService(REALM), padata, replyKey,
                KeyUsage.AS_REP_ENC_PART, EncKdcRepPart.ENC_AS_REP_PART);
    }

    private byte[] tgs(KdcReq req) throws Exception {
        if (tgsError != 0) {
            return error(tgsError, "refused by the test");
        }
        ApReq apReq = ApReq.decode(req.padata(PaData.PA_TGS_REQ).orElseThrow().value());
        EncTicketPart tgt;
        try {
            tgt = EncTicketPart.decode(cipher.decrypt(key("krbtgt/" + REALM + "@" + REALM), KeyUsage.TICKET,
                    apReq.ticket().encPart().cipher()));
        } catch (Exception e) {
            return error(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, "the TGT does not decrypt");
        }
        KerberosKey session = KerberosKey.of(EncryptionType.of(tgt.key().keyType()).orElseThrow(),
                tgt.key().keyValue());
        Authenticator authenticator = Authenticator.decode(cipher.decrypt(session, KeyUsage.TGS_REQ_AUTHENTICATOR,
                apReq.authenticator().cipher()));
        if (!cipher.verifyChecksum(session, KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, req.bodyDer(),
                authenticator.cksum().orElseThrow().type(), authenticator.cksum().orElseThrow().checksum())) {
            return error(ErrorCodes.KRB_AP_ERR_MODIFIED, "the body checksum does not match");
        }
        if (!authenticator.cname().equals(tgt.cname())) {
            return error(ErrorCodes.KRB_AP_ERR_BADMATCH, "the authenticator is not the ticket's client");
        }
        EncryptionKey subkey = authenticator.subkey().orElseThrow();
        KerberosKey replyKey = KerberosKey.of(EncryptionType.of(subkey.keyType()).orElseThrow(), subkey.keyValue());
        return issue(KerberosMessage.TGS_REP, req, tgt.cname(), req.body().sname().orElseThrow(), List.of(), replyKey,
                KeyUsage.TGS_REP_ENC_PART_SUBKEY, EncKdcRepPart.ENC_TGS_REP_PART);
    }

    private byte[] issue(int messageType, KdcReq req, PrincipalName cname, PrincipalName sname, List<PaData> padata,
            KerberosKey replyKey, int usage, int encPartTag) {
        Instant now = clock.instant();
        Instant end = req.body().till().isBefore(now.plus(MAX_LIFE)) ? req.body().till() : now.plus(MAX_LIFE);
        KerberosKey session = cipher.randomKey(enctype);
        EncryptionKey sessionKey = new EncryptionKey(session.type().number(), session.value());
        KerberosFlags flags = KerberosFlags.of(TicketFlags.PRE_AUTHENT);
        KerberosKey serverKey = key(String.join("/", sname.components()) + "@" + REALM);
        EncTicketPart ticketPart = new EncTicketPart(flags, sessionKey, REALM, cname,
                new TransitedEncoding(TransitedEncoding.DOMAIN_X500_COMPRESS, new byte[0]), now, Optional.of(now),
                end, Optional.empty(), List.of(), List.of());
        Ticket ticket = new Ticket(REALM, sname, new EncryptedData(serverKey.type().number(), OptionalLong.of(1),
                cipher.encrypt(serverKey, KeyUsage.TICKET, ticketPart.encode())));
        PrincipalName repliedServer = wrongServer ? PrincipalName.of(PrincipalName.NT_SRV_HST, "other", HOST) : sname;
        EncKdcRepPart part = new EncKdcRepPart(encPartTag, sessionKey, List.of(LastReq.none()),
                wrongNonce ? req.body().nonce() ^ 1 : req.body().nonce(), Optional.empty(), flags, now,
                Optional.of(now), end, Optional.empty(), REALM, repliedServer, List.of(), List.of());
        return new KdcRep(messageType, padata, REALM, cname, ticket, new EncryptedData(replyKey.type().number(),
                OptionalLong.empty(), cipher.encrypt(replyKey, usage, part.encode()))).encode();
    }

    /** The EncTicketPart of a ticket this KDC issued, decrypted with the server's key. */
    EncTicketPart open(Ticket ticket) throws Exception {
        String server = String.join("/", ticket.sname().components()) + "@" + REALM;
        return EncTicketPart.decode(cipher.decrypt(key(server), KeyUsage.TICKET, ticket.encPart().cipher()));
    }

    private byte[] error(int code, String text) {
        return new KrbError(Optional.empty(), OptionalInt.empty(), clock.instant(), 0, code, Optional.empty(),
                Optional.empty(), REALM, PrincipalName.ticketGrantingService(REALM), Optional.of(text),
                Optional.empty()).encode();
    }
}
