package io.homeward.signin.internal;

import java.time.Instant;

import io.homeward.api.auth.TsigKey;

/**
 * What a successful sign-in keeps: the derived key and where it was proven, never the password.
 *
 * @param server the rendezvous DNS-over-TLS address the key was proven against
 * @param pin    the certificate fingerprint seen at sign-in (or configured), "" if none
 * @param since  when the sign-in succeeded
 */
record StoredKey(String zone, String user, TsigKey key, HostPort server, String pin, Instant since) {
}
