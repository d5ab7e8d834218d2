/**
 * This agent's sign-in at its rendezvous, as a person manages it from the console: who the host is signed in as,
 * signing in, joining with an invite code, signing out and renaming the host (docs/enrollment.md).
 */
@Export
@Version("1.0.0")
package io.homeward.api.signin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
