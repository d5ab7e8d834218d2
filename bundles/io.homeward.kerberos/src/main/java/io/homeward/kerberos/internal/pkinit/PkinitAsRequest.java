package io.homeward.kerberos.internal.pkinit;

/**
 * What PKINIT needs of the AS-REQ that carries the PA-PK-AS-REQ (RFC 4120 §5.4.1), taken from the message's decoder:
 *
 * @param reqBody the KDC-REQ-BODY's DER as received, which paChecksum covers (RFC 4556 §3.2.1)
 * @param nonce the body's nonce
 * @param client the body's cname with its realm
 * @param server the body's sname with its realm ({@code krbtgt/REALM@REALM})
 * @param asReq the whole AS-REQ as received, which the RFC 8636 KDF hashes
 */
public record PkinitAsRequest(byte[] reqBody, long nonce, Krb5PrincipalName client, Krb5PrincipalName server,
        byte[] asReq) {
    public PkinitAsRequest {
        reqBody = reqBody.clone();
        asReq = asReq.clone();
    }

    @Override
    public byte[] reqBody() {
        return reqBody.clone();
    }

    @Override
    public byte[] asReq() {
        return asReq.clone();
    }
}
