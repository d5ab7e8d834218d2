package io.homeward.api.ca;

/** A certification request was refused; the message says why, in words a person can act on. */
public class CertificateRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateRequestException(String message) {
        super(message);
    }

    public CertificateRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
