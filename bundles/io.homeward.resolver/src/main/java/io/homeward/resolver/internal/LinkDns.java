package io.homeward.resolver.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.util.Optional;

import org.xbill.DNS.Name;

/** The system resolver's per-link DNS settings (split DNS); the seam tests replace. */
interface LinkDns {

    /** Why the system resolver cannot be told, empty when it can. */
    Optional<String> unavailable();

    /** Sends the queries for {@code zone} and below, and only those, to {@code server} on {@code link}. */
    void apply(String link, Inet6Address server, Name zone) throws IOException;

    /** Gives the link its settings from before {@link #apply}. */
    void revert(String link) throws IOException;
}
