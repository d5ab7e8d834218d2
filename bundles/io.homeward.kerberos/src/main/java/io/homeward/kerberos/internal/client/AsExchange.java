package io.homeward.kerberos.internal.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.Krb5PrincipalName;
import io.homeward.kerberos.internal.pkinit.PkinitAsRequest;
import io.homeward.kerberos.internal.pkinit.PkinitClient;
import io.homeward.kerberos.internal.pkinit.PkinitClientRequest;
import io.homeward.kerberos.internal.pkinit.PkinitException;
import io.homeward.kerberos.internal.pkinit.PkinitKdf;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;

/**
 * The AS exchange with PKINIT (RFC 4120 §3.1, RFC 4556 §3.2): an AS-REQ for the user's principal in the peer's realm
 * and {@code krbtgt/REALM}, carrying the PA-PK-AS-REQ at once (the KDC would only answer KDC_ERR_PREAUTH_REQUIRED
 * without it: one round trip instead of two), no forwardable or renewable tickets, 10 hours asked; the AS-REP's
 * enc-part is decrypted with the reply key PKINIT derives (key usage 3).
 */
final class AsExchange {
    /** What the client asks for; the KDC's policy may shorten it (docs/kerberos.md). */
    static final Duration LIFETIME = Duration.ofHours(10);
    /** aes256-cts-hmac-sha384-192 first, then aes256-cts-hmac-sha1-96 (docs/kerberos.md "Encryption types"). */
    static final List<Integer> ETYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA384_192.number(),
            EncryptionType.AES256_CTS_HMAC_SHA1_96.number());
    /** RFC 8636's KDFs, in the order MIT's client offers them. */
    private static final List<PkinitKdf> KDFS = List.of(PkinitKdf.SHA256, PkinitKdf.SHA1, PkinitKdf.SHA512);

    private final KdcTransport transport;
    private final KerberosCipher cipher;
    private final Predicate<X509Certificate> revoked;
    private final KeyAgreementGroup group;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param revoked whether the account CA revoked a certificate (a KDC's among them)
     * @param group the (EC)DH group offered to the KDC
     */
    AsExchange(KdcTransport transport, KerberosCipher cipher, Predicate<X509Certificate> revoked,
            KeyAgreementGroup group, Clock clock, SecureRandom random) {
        this.transport = transport;
        this.cipher = cipher;
        this.revoked = revoked;
        this.group = group;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A ticket-granting ticket from the KDC of {@code host} for the user.
     *
     * @param host the peer's fully qualified name, in lower case; its realm is the name in upper case
     */
    ClientTicket ticketGrantingTicket(ClientIdentity identity, String host) throws TicketRequestException {
        String realm = HostNames.realm(host);
        String step = "AS exchange with the KDC of " + host;
        Krb5PrincipalName user = new ClientPrincipalMapping(identity.zone(), realm).user();
        PrincipalName client = new PrincipalName(user.nameType(), user.components());
        Instant now = clock.instant();
        long nonce = Nonces.next(random);
        KdcReqBody body = new KdcReqBody(KerberosFlags.NONE, Optional.of(client), realm,
                Optional.of(PrincipalName.ticketGrantingService(realm)), Optional.empty(), now.plus(LIFETIME),
                Optional.empty(), nonce, ETYPES, List.of(), Optional.empty(), List.of());
        byte[] bodyDer = body.encode();
        PkinitClient pkinit = new PkinitClient(identity.credential(), identity.anchors(), revoked, clock, random);
        PkinitClientRequest pkRequest = pkinit.request(bodyDer, nonce, group, KDFS, false);
        byte[] asReq = new KdcReq(KerberosMessage.AS_REQ, List.of(new PaData(PaData.PA_PK_AS_REQ,
                pkRequest.paPkAsReq())), body, bodyDer).encode();
        byte[] answer;
        try {
            answer = transport.exchange(host, asReq);
        } catch (IOException e) {
            throw new TicketRequestException(step + ": " + e.getMessage());
        }
        KdcRep reply = KdcReplies.reply(answer, KerberosMessage.AS_REP, step);
        PaData paPkAsRep = reply.padata(PaData.PA_PK_AS_REP).orElseThrow(() -> new TicketRequestException(
                step + ": the AS-REP carries no PA-PK-AS-REP"));
        EncryptionType replyType = KdcReplies.requested(reply.encPart().etype(), body, "an enc-part", step);
        byte[] replyKey;
        try {
            replyKey = pkinit.replyKey(pkRequest, paPkAsRep.value(), new PkinitAsRequest(bodyDer, nonce, user,
                    Krb5PrincipalName.ticketGrantingService(realm), asReq), replyType);
        } catch (PkinitException e) {
            throw new TicketRequestException(step + ": the KDC's PKINIT reply is refused: " + e.getMessage(),
                    OptionalInt.of(e.errorCode()));
        }
        return KdcReplies.ticket(cipher, reply, KdcReplies.key(replyType, replyKey, step),
                KeyUsage.AS_REP_ENC_PART, body, client, realm, now, step);
    }
}
