package io.homeward.kerberos.internal.pkinit;

/** A PKINIT structure that is not the DER RFC 4556 defines, or larger than this host reads. */
public final class MalformedPkinitException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPkinitException(String message) {
        super(message);
    }
}
