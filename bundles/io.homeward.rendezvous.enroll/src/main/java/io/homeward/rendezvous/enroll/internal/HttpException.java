package io.homeward.rendezvous.enroll.internal;

/** A request the server answers with an error: the status and the one line of text/plain the client is told. */
final class HttpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
