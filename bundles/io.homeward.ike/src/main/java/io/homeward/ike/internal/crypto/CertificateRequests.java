package io.homeward.ike.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;

import io.homeward.ike.internal.wire.CertPayload;
import io.homeward.ike.internal.wire.CertReqPayload;

/**
 * CERTREQ for X.509 signatures (RFC 7296 §3.7): the SHA-1 hash of each trusted CA's SubjectPublicKeyInfo. strongSwan
 * sends its certificate only when asked this way ({@code send_cert = ifasked}).
 */
public final class CertificateRequests {
    private CertificateRequests() {
    }

    /** A CERTREQ naming these CAs by their public keys. */
    public static CertReqPayload forAuthorities(List<PublicKey> caKeys) {
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        caKeys.forEach(key -> hashes.writeBytes(hash(key)));
        return new CertReqPayload(CertPayload.X509_SIGNATURE, hashes.toByteArray());
    }

    /** Whether the request asks for a certificate under this CA; an empty X.509 list asks for any (§3.7). */
    public static boolean names(CertReqPayload request, PublicKey caKey) {
        if (request.encoding() != CertPayload.X509_SIGNATURE) {
            return false;
        }
        byte[] wanted = hash(caKey);
        return request.authorities().length == 0
                || request.authorityHashes().stream().anyMatch(hash -> MessageDigest.isEqual(hash, wanted));
    }

    /** SHA-1 of the DER SubjectPublicKeyInfo, which {@link PublicKey#getEncoded()} is for X.509 keys. */
    private static byte[] hash(PublicKey key) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks SHA-1", e);
        }
    }
}
