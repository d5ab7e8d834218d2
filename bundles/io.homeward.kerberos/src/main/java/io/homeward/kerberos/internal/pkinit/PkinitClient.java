package io.homeward.kerberos.internal.pkinit;

import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import io.homeward.kerberos.internal.crypto.EncryptionType;

/**
 * The client's side of PKINIT with Diffie-Hellman (RFC 4556 §3.2.1, §3.2.4; docs/kerberos.md "PKINIT"): signs an
 * AuthPack for a request body with this host's certificate, then checks the KDC's reply — signed by a certificate of
 * the account CA with id-pkinit-KPKdc and the id-pkinit-san {@code krbtgt/REALM@REALM}, over this request's nonce —
 * and derives the reply key.
 */
public final class PkinitClient {
    private static final int CLIENT_NONCE_LENGTH = 32;
    /** CMS algorithms the client takes in the reply (RFC 4556 §3.2.1 supportedCMSTypes). */
    private static final List<AlgorithmIdentifier> CMS_TYPES = List.of(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.2")),
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.11")));

    private final SigningCredential credential;
    private final AccountCertificateCheck certificates;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param credential this host's key and certificate from the account CA
     * @param anchors the account CA
     * @param revoked whether the account CA revoked a certificate
     */
    public PkinitClient(SigningCredential credential, Set<TrustAnchor> anchors, Predicate<X509Certificate> revoked,
            Clock clock, SecureRandom random) {
        this.credential = credential;
        this.certificates = new AccountCertificateCheck(anchors, revoked, clock);
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param reqBody the DER of the KDC-REQ-BODY the AS-REQ will carry
     * @param nonce that body's nonce
     * @param kdfs the KDFs to offer, preferred first; empty for octetstring2key
     * @param dhNonce whether to send a clientDHNonce
     */
    public PkinitClientRequest request(byte[] reqBody, long nonce, KeyAgreementGroup group, List<PkinitKdf> kdfs,
            boolean dhNonce) {
        Instant now = clock.instant();
        PkAuthenticator authenticator = new PkAuthenticator(now.get(ChronoField.MICRO_OF_SECOND), now, nonce,
                Optional.of(OctetString2Key.sha1().digest(reqBody)), Optional.empty());
        EphemeralKey key = group.generate(random);
        Optional<byte[]> clientNonce = Optional.empty();
        if (dhNonce) {
            byte[] bytes = new byte[CLIENT_NONCE_LENGTH];
            random.nextBytes(bytes);
            clientNonce = Optional.of(bytes);
        }
        AuthPack authPack = new AuthPack(authenticator,
                Optional.of(group.subjectPublicKeyInfo(key.publicValue())), CMS_TYPES, clientNonce,
                kdfs.stream().map(PkinitKdf::id).toList());
        byte[] signed = SignedContent.sign(PkinitOids.AUTH_DATA, authPack.encoded(), credential);
        return new PkinitClientRequest(new PaPkAsReq(signed).encoded(), key, nonce, clientNonce, kdfs);
    }

    /**
     * The reply key of an AS-REP carrying a PA-PK-AS-REP.
     *
     * @param paPkAsRep the padata-value of the AS-REP's PA-PK-AS-REP (type 17)
     * @param asRequest the AS-REQ sent (its client, server and encoding feed the RFC 8636 KDF)
     * @param enctype the AS-REP enc-part's type
     * @throws PkinitException naming what the reply gets wrong
     */
    public byte[] replyKey(PkinitClientRequest request, byte[] paPkAsRep, PkinitAsRequest asRequest,
            EncryptionType enctype) throws PkinitException {
        DhRepInfo reply;
        KdcDhKeyInfo keyInfo;
        SignedContent signed;
        try {
            reply = DhRepInfo.decodePaPkAsRep(paPkAsRep);
            signed = SignedContent.open(reply.dhSignedData(), PkinitOids.DH_KEY_DATA, DhRepInfo.MAX_LENGTH);
            keyInfo = KdcDhKeyInfo.decode(signed.content());
        } catch (MalformedPkinitException e) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, e.getMessage());
        }
        X509Certificate kdc = signed.signer();
        certificates.check(kdc, PkinitError.KDC_NOT_TRUSTED);
        String subject = kdc.getSubjectX500Principal().getName();
        Krb5PrincipalName expected = Krb5PrincipalName.ticketGrantingService(asRequest.server().realm());
        if (CertificateNames.pkinitSans(kdc).stream().noneMatch(expected::sameName)) {
            throw new PkinitException(PkinitError.KDC_NAME_MISMATCH, subject + " is not the KDC of " + expected);
        }
        if (!CertificateNames.hasPurpose(kdc, PkinitOids.KP_KDC)) {
            throw new PkinitException(PkinitError.INCONSISTENT_KEY_PURPOSE, subject + " lacks id-pkinit-KPKdc");
        }
        signed.verifySignature();
        if (keyInfo.nonce() != request.nonce()) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, "the KDC signed the nonce " + keyInfo.nonce()
                    + ", not " + request.nonce());
        }
        Optional<PkinitKdf> kdf = Optional.empty();
        if (reply.kdf().isPresent()) {
            kdf = PkinitKdf.of(reply.kdf().get()).filter(request.kdfs()::contains);
            if (kdf.isEmpty()) {
                throw new PkinitException(PkinitError.NO_ACCEPTABLE_KDF, "the KDC chose " + reply.kdf().get()
                        + ", offered were " + request.kdfs());
            }
        }
        if (reply.serverDhNonce().isPresent() && request.clientDhNonce().isEmpty()) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, "a serverDHNonce without a clientDHNonce");
        }
        byte[] secret = request.key().agree(request.key().group().peerPublicValue(keyInfo.subjectPublicKey()));
        int length = ReplyKeyLength.of(enctype);
        if (kdf.isPresent()) {
            return kdf.get().derive(secret, asRequest.client(), asRequest.server(), enctype.number(),
                    asRequest.asReq(), paPkAsRep, length);
        }
        byte[] clientNonce = reply.serverDhNonce().isPresent() ? request.clientDhNonce().get() : new byte[0];
        return OctetString2Key.derive(secret, clientNonce, reply.serverDhNonce().orElse(new byte[0]), length);
    }
}
