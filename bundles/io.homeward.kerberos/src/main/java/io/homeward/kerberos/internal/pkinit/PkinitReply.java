package io.homeward.kerberos.internal.pkinit;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The KDC's answer to a verified PA-PK-AS-REQ.
 *
 * @param client the principal the client's certificate maps to, the AS-REP's cname
 * @param certificate the client's certificate, for the log
 * @param replyKey the key of the AS-REP's enc-part (RFC 4556 §3.2.3.1, RFC 8636 §6)
 * @param paPkAsRep the padata-value of the AS-REP's PA-PK-AS-REP (type 17)
 * @param group the key agreement group the client chose
 * @param kdf the KDF agreed, empty for octetstring2key
 */
public record PkinitReply(Krb5PrincipalName client, X509Certificate certificate, byte[] replyKey, byte[] paPkAsRep,
        KeyAgreementGroup group, Optional<PkinitKdf> kdf) {
    @Override
    public byte[] replyKey() {
        return replyKey.clone();
    }

    @Override
    public byte[] paPkAsRep() {
        return paPkAsRep.clone();
    }
}
