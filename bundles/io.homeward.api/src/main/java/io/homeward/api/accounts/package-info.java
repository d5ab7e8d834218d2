/**
 * Accounts of the rendezvous: users, their zones and the TSIG keys derived from their passwords.
 */
@Export
@Version("2.0.0")
package io.homeward.api.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
