package io.homeward.kerberos.internal.crypto;

/**
 * The key usage numbers this host's KDC, services and clients encrypt and checksum with: each use of a key derives
 * its own keys, so a ciphertext made for one purpose is refused for another (RFC 4120 §7.5.1, RFC 3961 §3).
 */
public final class KeyUsage {
    /** AS-REQ PA-ENC-TIMESTAMP, encrypted with the client key (RFC 4120 §5.2.7.2). */
    public static final int AS_REQ_TIMESTAMP = 1;
    /** The EncTicketPart of a ticket from an AS-REP or TGS-REP, encrypted with the service key (RFC 4120 §5.3). */
    public static final int TICKET = 2;
    /** The EncASRepPart, encrypted with the client key or, with PKINIT, the reply key (RFC 4120 §5.4.2). */
    public static final int AS_REP_ENC_PART = 3;
    /** TGS-REQ enc-authorization-data, encrypted with the TGS session key (RFC 4120 §5.4.1). */
    public static final int TGS_REQ_AUTHORIZATION_DATA_SESSION_KEY = 4;
    /** TGS-REQ enc-authorization-data, encrypted with the authenticator's subkey (RFC 4120 §5.4.1). */
    public static final int TGS_REQ_AUTHORIZATION_DATA_SUBKEY = 5;
    /**
     * The checksum in the PA-TGS-REQ authenticator, over the KDC-REQ-BODY, keyed with the TGS session key (RFC 4120
     * §7.5.1); PKINIT reuses the number for the ReplyKeyPack asChecksum over the AS-REQ, keyed with the reply key
     * (RFC 4556 §3.2.3.2).
     */
    public static final int TGS_REQ_AUTHENTICATOR_CHECKSUM = 6;
    /** The authenticator in the PA-TGS-REQ AP-REQ, encrypted with the TGS session key (RFC 4120 §5.5.1). */
    public static final int TGS_REQ_AUTHENTICATOR = 7;
    /** The EncTGSRepPart, encrypted with the TGS session key (RFC 4120 §5.4.2). */
    public static final int TGS_REP_ENC_PART_SESSION_KEY = 8;
    /**
     * The EncTGSRepPart, encrypted with the subkey of the TGS-REQ's authenticator when it carries one, as MIT
     * clients' do (RFC 4120 §5.4.2).
     */
    public static final int TGS_REP_ENC_PART_SUBKEY = 9;
    /** The checksum in an application AP-REQ authenticator, keyed with the session key (RFC 4120 §5.5.1). */
    public static final int AP_REQ_AUTHENTICATOR_CHECKSUM = 10;
    /** An application AP-REQ authenticator, encrypted with the ticket's session key (RFC 4120 §5.5.1). */
    public static final int AP_REQ_AUTHENTICATOR = 11;
    /** The EncAPRepPart, encrypted with the ticket's session key (RFC 4120 §5.5.2). */
    public static final int AP_REP_ENC_PART = 12;
    /** GSS-API Wrap tokens with confidentiality sealed by the acceptor (RFC 4121 §2, KG-USAGE-ACCEPTOR-SEAL). */
    public static final int GSS_ACCEPTOR_SEAL = 22;
    /** GSS-API MIC and Wrap tokens signed by the acceptor (RFC 4121 §2, KG-USAGE-ACCEPTOR-SIGN). */
    public static final int GSS_ACCEPTOR_SIGN = 23;
    /** GSS-API Wrap tokens with confidentiality sealed by the initiator (RFC 4121 §2, KG-USAGE-INITIATOR-SEAL). */
    public static final int GSS_INITIATOR_SEAL = 24;
    /** GSS-API MIC and Wrap tokens signed by the initiator (RFC 4121 §2, KG-USAGE-INITIATOR-SIGN). */
    public static final int GSS_INITIATOR_SIGN = 25;
    /**
     * The checksum over the whole AS-REQ in the PA-REQ-ENC-PA-REP the KDC returns in the encrypted part when the
     * client asked for it, keyed with the reply key (RFC 6806 §11, KEY_USAGE_AS_REQ).
     */
    public static final int AS_REQ_CHECKSUM = 56;

    private KeyUsage() {
    }
}
