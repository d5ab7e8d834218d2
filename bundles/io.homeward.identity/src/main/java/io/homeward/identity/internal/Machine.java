package io.homeward.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The operating-system facts the identity is derived from, behind a seam so tests can fake them. */
interface Machine {

    /** All network interfaces. */
    List<NetworkLink> links() throws IOException;

    /** The text of a small system file such as {@code /proc/net/route}, empty when it cannot be read. */
    Optional<String> readFile(String path);

    /** The host name the Java platform resolves for this machine. */
    String localHostName() throws IOException;
}
