package io.homeward.signin.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code homeward:whoami}, {@code homeward:cert} and the console page show.
 *
 * @param current     the stored sign-in, empty when signed out
 * @param lastError   the last sign-in, join or verification failure, "" when the last attempt succeeded
 * @param certificate the host certificate's renewal and revocation state
 */
record SignInStatus(Optional<StoredKey> current, String lastError, Certificate certificate) {

    /**
     * @param revoked      whether this host's certificate is revoked
     * @param renewal      when the certificate is renewed next and how the last renewal went
     * @param revokedKnown how many revoked certificates of the account this host knows
     */
    record Certificate(boolean revoked, CertificateRenewal.State renewal, int revokedKnown) {
        static final Certificate NONE = new Certificate(false, new CertificateRenewal.State(Optional.empty(), ""), 0);
    }

    SignInStatus(Optional<StoredKey> current, String lastError) {
        this(current, lastError, Certificate.NONE);
    }

    /** One or two lines for a terminal. */
    String describe() {
        String state = current.map(s -> "Signed in as " + s.user() + " (zone " + s.zone() + ") since " + s.since()
                + ", server " + s.server() + (s.pin().isEmpty() ? "" : ", pin " + s.pin()))
                .orElse("Not signed in.");
        return lastError.isEmpty() ? state : state + "\nLast error: " + lastError;
    }

    /** The host certificate's fields, in order, for {@code homeward:cert} and the console; empty when none. */
    List<Map.Entry<String, String>> certificateFields() {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        current.flatMap(StoredKey::certificate).ifPresent(issued -> {
            X509Certificate leaf = issued.leaf();
            fields.add(Map.entry("Subject", leaf.getSubjectX500Principal().getName()));
            fields.add(Map.entry("Issuer", leaf.getIssuerX500Principal().getName()));
            fields.add(Map.entry("Serial", issued.serial().toString(16)));
            fields.add(Map.entry("Valid from", issued.notBefore().toString()));
            fields.add(Map.entry("Valid until", issued.notAfter().toString()));
            fields.add(Map.entry("Renewal due", certificate.renewal().due().map(Object::toString).orElse("none")));
            fields.add(Map.entry("Last renewal",
                    certificate.renewal().lastResult().isEmpty() ? "none yet" : certificate.renewal().lastResult()));
            fields.add(Map.entry("Revoked", certificate.revoked()
                    ? "yes: the account revoked this host; join again with a new invite" : "no"));
            fields.add(Map.entry("Revoked certificates known", Integer.toString(certificate.revokedKnown())));
        });
        return fields;
    }

    /** {@code homeward:cert}: one line per field. */
    String describeCertificate() {
        List<Map.Entry<String, String>> fields = certificateFields();
        if (fields.isEmpty()) {
            return current.isPresent() ? "No host certificate yet: this host has not enrolled."
                    : "Not signed in: no host certificate.";
        }
        StringBuilder text = new StringBuilder();
        fields.forEach(f -> text.append(String.format("%-27s %s%n", f.getKey() + ":", f.getValue())));
        return text.toString().stripTrailing();
    }
}
