package io.homeward.ike.internal.exchange;

/** The peer's certificate breaks one rule of {@link PeerCertificateCheck}; IKE_AUTH fails (RFC 7296 §2.21.2). */
public final class CertificateRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PeerCertificateCheck.Rule rule;

    public CertificateRefusedException(PeerCertificateCheck.Rule rule, String detail) {
        super(rule + " (" + rule.description() + "): " + detail);
        this.rule = rule;
    }

    public PeerCertificateCheck.Rule rule() {
        return rule;
    }
}
