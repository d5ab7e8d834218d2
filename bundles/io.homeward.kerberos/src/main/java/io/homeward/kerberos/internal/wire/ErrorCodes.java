package io.homeward.kerberos.internal.wire;

import io.homeward.api.kerberos.KerberosErrors;

/**
 * KRB-ERROR error codes: RFC 4120 §7.5.9 and the PKINIT codes of RFC 4556 §3.1.3 (numbered as MIT and Wireshark
 * number them, see docs/kerberos.md); people read their names from {@link KerberosErrors}.
 */
public final class ErrorCodes {
    public static final int KDC_ERR_NONE = 0;
    public static final int KDC_ERR_NAME_EXP = 1;
    public static final int KDC_ERR_SERVICE_EXP = 2;
    public static final int KDC_ERR_BAD_PVNO = 3;
    public static final int KDC_ERR_C_PRINCIPAL_UNKNOWN = 6;
    public static final int KDC_ERR_S_PRINCIPAL_UNKNOWN = 7;
    public static final int KDC_ERR_PRINCIPAL_NOT_UNIQUE = 8;
    public static final int KDC_ERR_NULL_KEY = 9;
    public static final int KDC_ERR_CANNOT_POSTDATE = 10;
    public static final int KDC_ERR_NEVER_VALID = 11;
    public static final int KDC_ERR_POLICY = 12;
    public static final int KDC_ERR_BADOPTION = 13;
    public static final int KDC_ERR_ETYPE_NOSUPP = 14;
    public static final int KDC_ERR_SUMTYPE_NOSUPP = 15;
    public static final int KDC_ERR_PADATA_TYPE_NOSUPP = 16;
    public static final int KDC_ERR_CLIENT_REVOKED = 18;
    public static final int KDC_ERR_SERVICE_REVOKED = 19;
    public static final int KDC_ERR_TGT_REVOKED = 20;
    public static final int KDC_ERR_KEY_EXPIRED = 23;
    public static final int KDC_ERR_PREAUTH_FAILED = 24;
    public static final int KDC_ERR_PREAUTH_REQUIRED = 25;
    public static final int KDC_ERR_SERVER_NOMATCH = 26;
    public static final int KDC_ERR_SVC_UNAVAILABLE = 29;
    public static final int KRB_AP_ERR_BAD_INTEGRITY = 31;
    public static final int KRB_AP_ERR_TKT_EXPIRED = 32;
    public static final int KRB_AP_ERR_TKT_NYV = 33;
    public static final int KRB_AP_ERR_REPEAT = 34;
    public static final int KRB_AP_ERR_NOT_US = 35;
    public static final int KRB_AP_ERR_BADMATCH = 36;
    public static final int KRB_AP_ERR_SKEW = 37;
    public static final int KRB_AP_ERR_BADADDR = 38;
    public static final int KRB_AP_ERR_BADVERSION = 39;
    public static final int KRB_AP_ERR_MSG_TYPE = 40;
    public static final int KRB_AP_ERR_MODIFIED = 41;
    public static final int KRB_AP_ERR_BADORDER = 42;
    public static final int KRB_AP_ERR_BADKEYVER = 44;
    public static final int KRB_AP_ERR_NOKEY = 45;
    public static final int KRB_AP_ERR_MUT_FAIL = 46;
    public static final int KRB_AP_ERR_BADDIRECTION = 47;
    public static final int KRB_AP_ERR_METHOD = 48;
    public static final int KRB_AP_ERR_BADSEQ = 49;
    public static final int KRB_AP_ERR_INAPP_CKSUM = 50;
    public static final int KRB_ERR_RESPONSE_TOO_BIG = 52;
    public static final int KRB_ERR_FIELD_TOOLONG = 61;
    public static final int KRB_ERR_GENERIC = 60;
    public static final int KDC_ERR_CLIENT_NOT_TRUSTED = 62;
    public static final int KDC_ERR_KDC_NOT_TRUSTED = 63;
    public static final int KDC_ERR_INVALID_SIG = 64;
    public static final int KDC_ERR_DH_KEY_PARAMETERS_NOT_ACCEPTED = 65;
    public static final int KDC_ERR_WRONG_REALM = 68;
    public static final int KDC_ERR_CANT_VERIFY_CERTIFICATE = 70;
    public static final int KDC_ERR_INVALID_CERTIFICATE = 71;
    public static final int KDC_ERR_REVOKED_CERTIFICATE = 72;
    public static final int KDC_ERR_REVOCATION_STATUS_UNKNOWN = 73;
    public static final int KDC_ERR_REVOCATION_STATUS_UNAVAILABLE = 74;
    public static final int KDC_ERR_CLIENT_NAME_MISMATCH = 75;
    public static final int KDC_ERR_KDC_NAME_MISMATCH = 76;
    public static final int KDC_ERR_INCONSISTENT_KEY_PURPOSE = 77;
    public static final int KDC_ERR_DIGEST_IN_CERT_NOT_ACCEPTED = 78;
    public static final int KDC_ERR_PA_CHECKSUM_MUST_BE_INCLUDED = 79;
    public static final int KDC_ERR_DIGEST_IN_SIGNED_DATA_NOT_ACCEPTED = 80;
    public static final int KDC_ERR_PUBLIC_KEY_ENCRYPTION_NOT_SUPPORTED = 81;

    private ErrorCodes() {
    }

    /** The code's name, from the API's table so the shell, the console and the log agree ("unknown" if none). */
    public static String name(int code) {
        return KerberosErrors.name(code);
    }
}
