package io.homeward.rendezvous.ca.internal;

import java.io.IOException;

/** The CA's store of issued certificates cannot be read; it is left as it is for the operator to repair. */
final class DamagedStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedStoreException(String message) {
        super(message);
    }

    DamagedStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
