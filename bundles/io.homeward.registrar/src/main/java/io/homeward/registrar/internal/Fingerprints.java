package io.homeward.registrar.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 certificate fingerprints in the colon-separated upper-case hex the rendezvous server logs. */
final class Fingerprints {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    static String of(X509Certificate certificate) {
        try {
            return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** A configured pin in canonical form, "" for none; colons and spaces are optional. */
    static String normalize(String pin) {
        String hex = pin.replace(":", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
        if (hex.isEmpty()) {
            return "";
        }
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("tlsFingerprint must be the server certificate's SHA-256 "
                    + "fingerprint: 64 hex digits, colons optional; got '" + pin + "'");
        }
        return COLONS.formatHex(HexFormat.of().parseHex(hex));
    }
}
