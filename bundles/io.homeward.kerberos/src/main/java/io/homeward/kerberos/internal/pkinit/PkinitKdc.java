package io.homeward.kerberos.internal.pkinit;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import io.homeward.kerberos.internal.crypto.EncryptionType;

/**
 * The KDC's side of PKINIT with Diffie-Hellman (RFC 4556 §3.2.2-3.2.3; docs/kerberos.md "PKINIT"): verifies a
 * PA-PK-AS-REQ — the SignedData over the AuthPack, its signer's certificate from the account CA, unrevoked, mapped to
 * the requested client, the signature, paChecksum over the request body, ctime within the skew, the nonce — agrees a
 * key with the client's (EC)DH value, and answers with a signed KDCDHKeyInfo and the reply key.
 */
public final class PkinitKdc {
    /** RFC 4120 §1.7's conventional acceptable clock skew. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int SERVER_NONCE_LENGTH = 32;

    private final SigningCredential credential;
    private final AccountCertificateCheck certificates;
    private final ClientPrincipalMapping mapping;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param credential this host's key and certificate from the account CA (with id-pkinit-KPKdc and the
     *     id-pkinit-san {@code krbtgt/REALM@REALM})
     * @param anchors the account CA
     * @param revoked whether the account CA revoked a certificate
     */
    public PkinitKdc(SigningCredential credential, Set<TrustAnchor> anchors, Predicate<X509Certificate> revoked,
            ClientPrincipalMapping mapping, Clock clock, SecureRandom random) {
        this.credential = credential;
        this.certificates = new AccountCertificateCheck(anchors, revoked, clock);
        this.mapping = mapping;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param paPkAsReq the padata-value of the request's PA-PK-AS-REQ (type 16)
     * @param enctype the type of the reply key, chosen from the request body's etype list
     * @throws PkinitException with the KRB-ERROR code to answer
     */
    public PkinitReply answer(byte[] paPkAsReq, PkinitAsRequest request, EncryptionType enctype)
            throws PkinitException {
        SignedContent signed = SignedContent.open(decode(paPkAsReq).signedAuthPack(), PkinitOids.AUTH_DATA,
                PaPkAsReq.MAX_LENGTH);
        X509Certificate certificate = signed.signer();
        certificates.check(certificate, PkinitError.CANT_VERIFY_CERTIFICATE);
        signed.verifySignature();
        Krb5PrincipalName client = mapping.map(certificate);
        if (!client.sameName(request.client())) {
            throw new PkinitException(PkinitError.CLIENT_NAME_MISMATCH, certificate.getSubjectX500Principal().getName()
                    + " is " + client + ", the request names " + request.client());
        }
        AuthPack authPack = authPack(signed.content());
        checkAuthenticator(authPack.pkAuthenticator(), request);

        SubjectPublicKeyInfo clientValue = authPack.clientPublicValue().orElseThrow(() -> new PkinitException(
                PkinitError.PUBLIC_KEY_ENCRYPTION_NOT_SUPPORTED, "no clientPublicValue: RSA key transport"));
        KeyAgreementGroup group = KeyAgreementGroup.of(clientValue.getAlgorithm());
        AsymmetricKeyParameter clientKey = group.peerPublicValue(clientValue.getPublicKeyData().getOctets());
        Optional<PkinitKdf> kdf = PkinitKdf.firstSupported(authPack.supportedKdfs());
        if (kdf.isEmpty() && !authPack.supportedKdfs().isEmpty()) {
            throw new PkinitException(PkinitError.NO_ACCEPTABLE_KDF, "the client offers " + authPack.supportedKdfs());
        }

        EphemeralKey key = group.generate(random);
        byte[] secret = key.agree(clientKey);
        Optional<byte[]> serverNonce = authPack.clientDhNonce().map(clientNonce -> nonce());
        byte[] keyInfo = new KdcDhKeyInfo(key.publicValue(), authPack.pkAuthenticator().nonce()).encoded();
        DhRepInfo reply = new DhRepInfo(SignedContent.sign(PkinitOids.DH_KEY_DATA, keyInfo, credential), serverNonce,
                kdf.map(PkinitKdf::id));
        byte[] paPkAsRep = reply.encodedPaPkAsRep();
        int length = ReplyKeyLength.of(enctype);
        byte[] replyKey = kdf.isPresent()
                ? kdf.get().derive(secret, request.client(), request.server(), enctype.number(), request.asReq(),
                        paPkAsRep, length)
                : OctetString2Key.derive(secret, authPack.clientDhNonce().orElse(new byte[0]),
                        serverNonce.orElse(new byte[0]), length);
        return new PkinitReply(client, certificate, replyKey, paPkAsRep, group, kdf);
    }

    private void checkAuthenticator(PkAuthenticator authenticator, PkinitAsRequest request) throws PkinitException {
        byte[] checksum = authenticator.paChecksum().orElseThrow(() -> new PkinitException(
                PkinitError.PA_CHECKSUM_MUST_BE_INCLUDED, "the PKAuthenticator has no paChecksum"));
        if (!MessageDigest.isEqual(checksum, OctetString2Key.sha1().digest(request.reqBody()))) {
            throw new PkinitException(PkinitError.MODIFIED, "paChecksum is not the SHA-1 of the request body");
        }
        Instant now = clock.instant();
        Instant ctime = authenticator.ctime().plusNanos(authenticator.cusec() * 1000L);
        if (Duration.between(ctime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new PkinitException(PkinitError.SKEW, "ctime " + ctime + ", the KDC's time " + now);
        }
        if (authenticator.nonce() != request.nonce()) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, "the PKAuthenticator's nonce "
                    + authenticator.nonce() + " is not the request's " + request.nonce());
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[SERVER_NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    private static PaPkAsReq decode(byte[] paPkAsReq) throws PkinitException {
        try {
            return PaPkAsReq.decode(paPkAsReq);
        } catch (MalformedPkinitException e) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, e.getMessage());
        }
    }

    private static AuthPack authPack(byte[] content) throws PkinitException {
        try {
            return AuthPack.decode(content);
        } catch (MalformedPkinitException e) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, e.getMessage());
        }
    }
}
