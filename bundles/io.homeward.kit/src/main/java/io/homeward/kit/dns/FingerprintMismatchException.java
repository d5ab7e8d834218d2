package io.homeward.kit.dns;

import javax.net.ssl.SSLHandshakeException;

/** The server's certificate is not the pinned one: possibly an impostor, never silently accepted. */
public final class FingerprintMismatchException extends SSLHandshakeException {
    private static final long serialVersionUID = 1L;

    private final String seen;
    private final String pinned;

    public FingerprintMismatchException(String seen, String pinned) {
        super(text(seen, pinned));
        this.seen = seen;
        this.pinned = pinned;
    }

    /** What the server presented. */
    public String seen() {
        return seen;
    }

    /** What the pin expected. */
    public String pinned() {
        return pinned;
    }

    static String text(String seen, String pinned) {
        return "the server's TLS certificate " + seen + " does not match the pinned fingerprint " + pinned
                + "; if the server's certificate was replaced on purpose, update tlsFingerprint";
    }
}
