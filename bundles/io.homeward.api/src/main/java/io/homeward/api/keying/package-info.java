/**
 * Keying the tunnel with the user's other hosts: who asks for a peer's SA pair to be negotiated (the autotunnel
 * orchestrator, a person on the shell) and the key exchange that does it (IKEv2, RFC 7296), which answers peers on
 * its own but initiates only when asked.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package io.homeward.api.keying;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
