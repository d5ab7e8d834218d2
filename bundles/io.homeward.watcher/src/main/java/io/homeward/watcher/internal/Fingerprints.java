package io.homeward.watcher.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 certificate fingerprints as operators write them: hex, with or without colons, any case. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** Upper-case hex bytes joined by colons. */
    static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * The canonical form of a configured pin, or "" for no pin.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    static String normalize(String pin) {
        String hex = pin.replace(":", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
        if (hex.isEmpty()) {
            return "";
        }
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("tlsFingerprint must be the 32-byte SHA-256 fingerprint in hex, got '"
                    + pin + "'");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
