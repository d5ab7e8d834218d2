/**
 * What the rendezvous' enrollment offers a console (docs/enrollment.md): each user's enrolled hosts and pending
 * invites, making and cancelling an invite, revoking a host, and a pre-flight report on whether a machine elsewhere
 * can reach the rendezvous at the addresses an invite would carry.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.homeward.api.enroll;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
