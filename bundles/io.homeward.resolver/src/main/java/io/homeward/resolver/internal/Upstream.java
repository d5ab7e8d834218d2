package io.homeward.resolver.internal;

import java.io.IOException;

/** Asks the rendezvous one query and returns its response's wire form; the seam tests answer in place of a server. */
@FunctionalInterface
interface Upstream {

    /** @throws IOException when no answer came in time; the message says what happened */
    byte[] exchange(byte[] query) throws IOException;
}
