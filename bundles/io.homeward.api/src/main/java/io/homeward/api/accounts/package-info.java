/**
 * Accounts of the rendezvous: users, their zones, the TSIG keys derived from their passwords and, since 2.1, the
 * keys of their enrolled hosts.
 */
@Export
@Version("2.1.0")
package io.homeward.api.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
