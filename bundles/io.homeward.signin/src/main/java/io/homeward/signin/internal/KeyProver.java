package io.homeward.signin.internal;

import io.homeward.api.auth.TsigKey;

/** Proves a key to the rendezvous; a seam so the sign-in logic can be tested without a network. */
interface KeyProver {

    /**
     * Proves the key to the server and returns the SHA-256 fingerprint of the certificate it presented.
     *
     * @param pin the expected fingerprint in canonical form, "" to accept any certificate
     * @throws SignInException with a one-line reason (unknown user, wrong password, unreachable, pin mismatch)
     */
    String prove(String zone, TsigKey key, HostPort server, String pin) throws SignInException;
}
