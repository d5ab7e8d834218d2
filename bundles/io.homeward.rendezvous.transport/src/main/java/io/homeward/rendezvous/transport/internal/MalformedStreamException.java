package io.homeward.rendezvous.transport.internal;

import java.io.IOException;

/** The peer sent bytes that cannot be DNS over a stream; the connection is closed. */
final class MalformedStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedStreamException(String message) {
        super(message);
    }
}
