package io.homeward.watcher.internal;

import java.security.cert.CertificateException;

/** The server's certificate is not the pinned one: possibly an impostor, never silently accepted. */
final class FingerprintMismatchException extends CertificateException {
    private static final long serialVersionUID = 1L;

    FingerprintMismatchException(String seen, String expected) {
        super("the server's TLS certificate has SHA-256 fingerprint " + seen + " but tlsFingerprint pins " + expected
                + "; if the server's certificate was replaced on purpose, update tlsFingerprint");
    }
}
