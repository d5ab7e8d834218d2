/**
 * Single sign-on between the user's hosts with Kerberos (RFC 4120): each host runs its own KDC, whose realm is the
 * host's name in upper case; the user's other hosts authenticate to it with their certificates (PKINIT, RFC 4556).
 * Services on a host register their principal with the host's KDC and validate what clients present; clients obtain
 * tickets for services on the user's other hosts. See docs/kerberos.md.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.homeward.api.kerberos;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
