package io.homeward.registrar.internal;

/** An UPDATE that did not succeed, with a reason an operator can act on. */
final class UpdateFailure extends Exception {
    private static final long serialVersionUID = 1L;

    UpdateFailure(String reason) {
        super(reason);
    }

    UpdateFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
