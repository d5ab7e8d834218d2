package io.homeward.signin.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;

/**
 * The sign-in state: proves a key derived from a password, stores only that key, publishes
 * Credentials while signed in. Passwords and secrets are never logged or kept.
 */
final class SignInManager {
    private final CredentialsFile file;
    private final KeyProver prover;
    private final ServerFinder finder;
    private final CredentialsPublisher publisher;
    private final HostPort dnsServer;
    private final Clock clock;
    private final Logger log;

    private Optional<StoredKey> current = Optional.empty();
    private String lastError = "";

    SignInManager(CredentialsFile file, KeyProver prover, ServerFinder finder, CredentialsPublisher publisher,
            HostPort dnsServer, Clock clock, Logger log) {
        this.file = file;
        this.prover = prover;
        this.finder = finder;
        this.publisher = publisher;
        this.dnsServer = dnsServer;
        this.clock = clock;
        this.log = log;
    }

    /** Publishes the stored key if there is one (no password needed); true when there was. */
    synchronized boolean resume() {
        try {
            current = file.read();
        } catch (IOException e) {
            fail("cannot read the stored sign-in: " + e.getMessage());
            return false;
        }
        current.ifPresent(stored -> {
            publisher.publish(new KeyCredentials(stored));
            log.info("Signed in as {} (zone {}) from the key stored in {}", stored.user(), stored.zone(), file.path());
        });
        return current.isPresent();
    }

    /** Proves the stored key again; a failure is reported and the key kept, since the server may just be down. */
    void verifyStored() {
        Optional<StoredKey> stored = status().current();
        if (stored.isEmpty()) {
            return;
        }
        StoredKey s = stored.get();
        try {
            prover.prove(s.zone(), s.key(), s.server(), s.pin());
            synchronized (this) {
                lastError = "";
            }
            log.info("The stored key for {} was accepted by {}", s.zone(), s.server());
        } catch (SignInException e) {
            fail("the stored key could not be verified: " + e.getMessage());
        }
    }

    /** Signs in; the password array is the caller's to clear. */
    StoredKey signIn(SignInRequest request, char[] password) throws SignInException {
        try {
            if (password.length == 0) {
                throw new SignInException("the password is empty");
            }
            HostPort server = request.server().isPresent() ? request.server().get()
                    : finder.find(request.zone(), dnsServer);
            TsigKey key = PasswordKeys.derive(request.zone(), password);
            String seen = prover.prove(request.zone(), key, server, request.pin());
            if (request.pin().isEmpty()) {
                log.warn("Accepted the rendezvous TLS certificate at {} without a pin; its SHA-256 fingerprint is {}: "
                        + "set tlsFingerprint to it to pin it (it is pinned for this sign-in from now on)", server, seen);
            }
            StoredKey stored = new StoredKey(request.zone(), request.user(), key, server, seen, clock.instant());
            try {
                file.write(stored);
            } catch (IOException e) {
                throw new SignInException("signed in, but cannot store the key in " + file.path() + ": "
                        + e.getMessage(), e);
            }
            synchronized (this) {
                current = Optional.of(stored);
                lastError = "";
            }
            publisher.publish(new KeyCredentials(stored));
            log.info("Signed in as {} (zone {}) at {}; the derived key is stored in {}", stored.user(), stored.zone(),
                    server, file.path());
            return stored;
        } catch (SignInException e) {
            fail("sign-in as " + request.user() + " failed: " + e.getMessage());
            throw e;
        }
    }

    /** Removes the stored key and withdraws the credentials; true when someone was signed in. */
    synchronized boolean signOut() throws IOException {
        boolean was = current.isPresent();
        publisher.withdraw();
        current = Optional.empty();
        lastError = "";
        boolean removed = file.delete();
        if (was || removed) {
            log.info("Signed out; removed {}", file.path());
        }
        return was || removed;
    }

    synchronized SignInStatus status() {
        return new SignInStatus(current, lastError);
    }

    private void fail(String reason) {
        synchronized (this) {
            lastError = reason;
        }
        log.warn("{}", reason);
    }
}
