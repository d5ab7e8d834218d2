package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;

/** The account file cannot be read as written by this bundle; it is left as it is for an operator to fix. */
final class CorruptAccountFileException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptAccountFileException(String message) {
        super(message);
    }
}
