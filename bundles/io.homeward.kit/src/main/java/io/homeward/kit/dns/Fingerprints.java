package io.homeward.kit.dns;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 certificate fingerprints: shown as colon-separated upper-case hex, accepted with or without colons. */
public final class Fingerprints {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * The canonical form of a pin as an operator writes it (any case, colons and spaces optional), "" for none.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    public static String normalize(String pin) {
        String hex = pin == null ? "" : pin.replace(":", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
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
