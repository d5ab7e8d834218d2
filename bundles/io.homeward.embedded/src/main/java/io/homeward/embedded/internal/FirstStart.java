package io.homeward.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.kit.files.SecretFiles;

/**
 * The all-in-one runtime's first start: an account for the machine's user in the local rendezvous,
 * its password in {@code <data>/account-password} (0600) for signing other machines in, and the
 * local agent's sign-in configured with it. Done once: the marker {@code <data>/embedded/account}
 * or a stored sign-in means there is nothing to do. When the password is changed elsewhere (the console,
 * {@code homeward:passwd}) the file is stale and goes; a later start then never resets the account, since
 * an account whose password this runtime does not hold is not its own to reset.
 */
final class FirstStart {
    private final Path data;
    private final String user;
    private final Random random;
    private final Clock clock;
    private final Logger log;
    private boolean toldWaiting;
    /** The thread resetting the account to the stored password: that change is ours, the file stays. */
    private volatile Thread resetting;

    FirstStart(Path data, String systemUser, Random random, Clock clock, Logger log) {
        this.data = data;
        this.user = UserLabel.of(systemUser);
        this.random = random;
        this.clock = clock;
        this.log = log;
    }

    Path passwordFile() {
        return data.resolve("account-password");
    }

    Path marker() {
        return data.resolve("embedded").resolve("account");
    }

    /** True when nothing is left to do: done now, done before, or the user signed in some other way. */
    boolean isDone() {
        return Files.exists(marker()) || Files.exists(data.resolve("signin").resolve("credentials.properties"));
    }

    /**
     * Does the first-start work if it is still to do and the rendezvous is ready.
     *
     * @return false while the rendezvous' TLS listener is not up (try again soon), else true (done,
     *         or failed for a reason logged and retried at the next start)
     */
    boolean run(AccountService accounts, DnsListenerStatus listeners, SignInConfiguration signIn) {
        if (isDone()) {
            return true;
        }
        Optional<Integer> tlsPort = tlsPort(listeners);
        String fingerprint = listeners.tlsFingerprint();
        if (tlsPort.isEmpty() || fingerprint == null || fingerprint.isBlank()) {
            if (!toldWaiting) {
                log.info("Embedded sign-in is waiting for the rendezvous' TLS listener");
                toldWaiting = true;
            }
            return false;
        }
        char[] password = null;
        try {
            boolean reused = Files.exists(passwordFile());
            password = reused ? SecretFiles.readFirstLine(passwordFile()) : RandomPassword.generate(random);
            if (!reused) {
                SecretFiles.write(passwordFile(), password);
            }
            String zone = createOrReset(accounts, password, reused);
            String server = "127.0.0.1:" + tlsPort.get();
            signIn.apply(Map.of("zone", zone, "user", user, "passwordFile", passwordFile().toString(),
                    "server", server, "tlsFingerprint", fingerprint));
            SecretFiles.write(marker(), ("user=" + user + "\nzone=" + zone + "\ncreated=" + clock.instant() + "\n")
                    .toCharArray());
            log.info("First start: created the account {} (zone {}) in this runtime's rendezvous and signed this "
                    + "host in to it at {}; the password is in {} (use it to sign in another machine)", user, zone,
                    server, passwordFile());
            return true;
        } catch (AccountException e) {
            log.warn("Embedded sign-in could not create the account {}: {}; sign in with homeward:signin instead",
                    user, e.getMessage());
            return true;
        } catch (IOException e) {
            log.error("Embedded sign-in failed, will retry at the next start: {}", e.getMessage());
            return true;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The account's password changed. Unless this first start set it, the stored password is stale and its file is
     * deleted; hosts enrolled with keys of their own, the local agent among them, are not affected
     * (docs/enrollment.md, "Revocation").
     */
    void passwordChanged(Account account) {
        if (!account.user().equals(user) || Thread.currentThread() == resetting) {
            return;
        }
        try {
            if (Files.deleteIfExists(passwordFile())) {
                log.info("The password of {} was changed in the rendezvous, so {} was stale and is deleted; the local"
                        + " agent keeps working with its own host key", user, passwordFile());
            }
        } catch (IOException e) {
            log.warn("The password of {} was changed, but the stale {} could not be deleted: {}", user,
                    passwordFile(), e.getMessage());
        }
    }

    /** A password file left by an interrupted first start is ours, so its account may be reset to it. */
    private String createOrReset(AccountService accounts, char[] password, boolean ours) throws AccountException {
        boolean exists = accounts.users().stream().anyMatch(a -> a.user().equals(user));
        if (exists && ours) {
            resetting = Thread.currentThread();
            try {
                return accounts.setPassword(user, password).zone();
            } finally {
                resetting = null;
            }
        }
        if (exists) {
            throw new AccountException("it already exists and this runtime did not create it");
        }
        return accounts.addUser(user, password).zone();
    }

    private static Optional<Integer> tlsPort(DnsListenerStatus listeners) {
        return listeners.listeners().stream().filter(l -> l.transport() == DnsTransport.TLS).map(ListenerState::address)
                .map(address -> address.substring(address.lastIndexOf(':') + 1))
                .filter(port -> port.matches("\\d{1,5}")).map(Integer::valueOf).findFirst();
    }
}
