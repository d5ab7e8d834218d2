package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.DnsLabel;
import io.homeward.kit.text.PasswordKeys;

/**
 * The users of the rendezvous, kept in memory and in an {@link AccountFile}. Every change is on
 * disk before it is visible or announced. A file that cannot be read is never overwritten: the book
 * then refuses changes, and tries the file again at every attempted change.
 */
final class AccountBook {
    private final String domain;
    private final AccountFile file;
    private final Clock clock;
    private final Logger log;
    private final AccountListener listener;
    private Map<String, StoredAccount> accounts = new LinkedHashMap<>();
    private String fileProblem;

    /**
     * @param listener told of every added and removed account, after the change is stored
     */
    AccountBook(String domain, AccountFile file, Clock clock, Logger log, AccountListener listener) {
        this.domain = domain;
        this.file = file;
        this.clock = clock;
        this.log = log;
        this.listener = listener;
        synchronized (this) {
            reload();
        }
    }

    String domain() {
        return domain;
    }

    Account addUser(String user, char[] password) throws AccountException {
        String name = validUser(user);
        checkPassword(password);
        Account added;
        synchronized (this) {
            writable();
            if (accounts.containsKey(name)) {
                throw new AccountException("user " + name + " already exists; use passwd to change the password");
            }
            String zone = PasswordKeys.zoneOf(name, domain);
            Instant now = now();
            added = new Account(name, zone, now, now);
            Map<String, StoredAccount> next = new LinkedHashMap<>(accounts);
            next.put(name, new StoredAccount(added, PasswordKeys.derive(zone, password)));
            store(next, "add user " + name);
        }
        log.info("added user {} with zone {}", added.user(), added.zone());
        listener.accountAdded(added);
        return added;
    }

    Account setPassword(String user, char[] password) throws AccountException {
        String name = validUser(user);
        checkPassword(password);
        Account changed;
        synchronized (this) {
            writable();
            StoredAccount old = accounts.get(name);
            if (old == null) {
                throw new AccountException("there is no user " + name + "; use useradd to create it");
            }
            changed = new Account(name, old.account().zone(), old.account().created(), now());
            Map<String, StoredAccount> next = new LinkedHashMap<>(accounts);
            next.put(name, new StoredAccount(changed, PasswordKeys.derive(changed.zone(), password)));
            store(next, "change the password of " + name);
        }
        log.info("changed the password of user {}", name);
        return changed;
    }

    boolean removeUser(String user) throws AccountException {
        String name = validUser(user);
        StoredAccount removed;
        synchronized (this) {
            writable();
            removed = accounts.get(name);
            if (removed == null) {
                return false;
            }
            Map<String, StoredAccount> next = new LinkedHashMap<>(accounts);
            next.remove(name);
            store(next, "remove user " + name);
        }
        log.info("removed user {} and its zone {}", name, removed.account().zone());
        listener.accountRemoved(removed.account());
        return true;
    }

    synchronized List<Account> users() {
        List<Account> users = new ArrayList<>(accounts.size());
        for (StoredAccount stored : accounts.values()) {
            users.add(stored.account());
        }
        return users;
    }

    /** The key of the user whose zone is this key name (case-insensitive, trailing dot optional). */
    synchronized Optional<TsigKey> key(String keyName) {
        String zone = keyName.toLowerCase(Locale.ROOT);
        String absolute = zone.endsWith(".") ? zone : zone + ".";
        for (StoredAccount stored : accounts.values()) {
            if (stored.account().zone().equals(absolute)) {
                return Optional.of(stored.key());
            }
        }
        return Optional.empty();
    }

    private void reload() {
        try {
            accounts = file.load();
            fileProblem = null;
        } catch (IOException e) {
            accounts = new LinkedHashMap<>();
            fileProblem = e.getMessage();
            log.error("cannot read the account file, so no account can be used or changed until it is fixed or"
                    + " restored from a backup (it is left untouched): {}", fileProblem);
        }
    }

    private void writable() throws AccountException {
        if (fileProblem != null) {
            reload();
        }
        if (fileProblem != null) {
            throw new AccountException("accounts cannot be changed while the account file is damaged: " + fileProblem
                    + ". Fix or restore " + file.path() + " and try again.");
        }
    }

    private void store(Map<String, StoredAccount> next, String what) throws AccountException {
        try {
            file.save(next.values());
        } catch (IOException e) {
            log.error("could not {}: writing {} failed: {}", what, file.path(), e.getMessage());
            throw new AccountException("could not " + what + ": writing " + file.path() + " failed: " + e.getMessage(), e);
        }
        accounts = next;
    }

    /** Whole seconds: the dates are for people reading the list. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String validUser(String user) throws AccountException {
        Optional<String> problem = DnsLabel.problem(user);
        if (problem.isPresent()) {
            throw new AccountException("'" + user + "' cannot be a user name (it becomes a DNS label of the user's zone): "
                    + problem.get());
        }
        return user.toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(char[] password) throws AccountException {
        Optional<String> problem = PasswordRules.problem(password);
        if (problem.isPresent()) {
            throw new AccountException(problem.get());
        }
    }
}
