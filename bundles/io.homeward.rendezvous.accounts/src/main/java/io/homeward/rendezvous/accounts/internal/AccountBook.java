package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.DnsLabel;
import io.homeward.kit.text.PasswordKeys;

/**
 * The users of the rendezvous and their hosts' own keys, kept in memory, in an {@link AccountFile} and in a
 * {@link HostKeyFile}. Every change is on disk before it is visible or announced. A file that cannot be read is
 * never overwritten: the book then refuses changes, and tries the files again at every attempted change.
 */
final class AccountBook {
    /** Host keys are HMAC-SHA256 keys of 32 random bytes (RFC 8945 §6: at least the hash's output length). */
    static final String HOST_KEY_ALGORITHM = "hmac-sha256.";
    private static final int HOST_KEY_BYTES = 32;
    private static final String AUTOTUNNEL_PREFIX = "autotunnel-";
    private static final Comparator<EnrolledHost> BY_USER_AND_HOST =
            Comparator.comparing(EnrolledHost::user).thenComparing(EnrolledHost::host);

    private final String domain;
    private final AccountFile file;
    private final HostKeyFile hostFile;
    private final SecureRandom random;
    private final Clock clock;
    private final Logger log;
    private final AccountListener listener;
    private Map<String, StoredAccount> accounts = new LinkedHashMap<>();
    private List<EnrolledHost> hosts = new ArrayList<>();
    /** Every usable key by its name in lower case, absolute: master keys (the zone) and host keys (the host). */
    private Map<String, Scoped> keys = new HashMap<>();
    private String fileProblem;

    private record Scoped(TsigKey key, KeyScope scope) {
    }

    /**
     * @param listener told of every account and host change, after the change is stored
     */
    AccountBook(String domain, AccountFile file, HostKeyFile hostFile, SecureRandom random, Clock clock, Logger log,
            AccountListener listener) {
        this.domain = domain;
        this.file = file;
        this.hostFile = hostFile;
        this.random = random;
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
        log.info("changed the password of user {}; its enrolled hosts keep their own keys", name);
        listener.passwordChanged(changed);
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
            List<EnrolledHost> remaining = new ArrayList<>(hosts);
            remaining.removeIf(h -> h.user().equals(name));
            storeHosts(remaining, "remove the hosts of user " + name);
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

    /** The key with this name (case-insensitive, trailing dot optional): a user's master key or a host's key. */
    synchronized Optional<TsigKey> key(String keyName) {
        return Optional.ofNullable(keys.get(absolute(keyName))).map(Scoped::key);
    }

    synchronized Optional<KeyScope> scope(String keyName) {
        return Optional.ofNullable(keys.get(absolute(keyName))).map(Scoped::scope);
    }

    EnrolledHost enrollHost(String user, String host) throws AccountException {
        String name = validUser(user);
        String label = validHost(host);
        EnrolledHost enrolled;
        synchronized (this) {
            writable();
            StoredAccount account = accounts.get(name);
            if (account == null) {
                throw new AccountException("there is no user " + name);
            }
            byte[] secret = new byte[HOST_KEY_BYTES];
            random.nextBytes(secret);
            String zone = account.account().zone();
            enrolled = new EnrolledHost(name, zone, label, new TsigKey(label + "." + zone, HOST_KEY_ALGORITHM, secret),
                    now());
            List<EnrolledHost> next = new ArrayList<>(hosts);
            next.removeIf(h -> h.user().equals(name) && h.host().equals(label));
            next.add(enrolled);
            storeHosts(next, "give host " + enrolled.fqdn() + " its key");
        }
        log.info("host {} of user {} has a key of its own", enrolled.fqdn(), name);
        listener.hostEnrolled(enrolled);
        return enrolled;
    }

    boolean removeHost(String user, String host) throws AccountException {
        String name = validUser(user);
        String label = validHost(host);
        Optional<EnrolledHost> removed;
        synchronized (this) {
            writable();
            removed = hosts.stream().filter(h -> h.user().equals(name) && h.host().equals(label)).findFirst();
            if (removed.isEmpty()) {
                return false;
            }
            List<EnrolledHost> next = new ArrayList<>(hosts);
            next.remove(removed.get());
            storeHosts(next, "delete the key of host " + removed.get().fqdn());
        }
        log.info("deleted the key of host {} of user {}", removed.get().fqdn(), name);
        listener.hostRemoved(removed.get());
        return true;
    }

    synchronized List<EnrolledHost> hosts(String user) {
        String name = user.toLowerCase(Locale.ROOT);
        return hosts.stream().filter(h -> h.user().equals(name)).toList();
    }

    private void reload() {
        try {
            accounts = file.load();
            hosts = new ArrayList<>(hostFile.load());
            hosts.sort(BY_USER_AND_HOST);
            fileProblem = null;
        } catch (IOException e) {
            accounts = new LinkedHashMap<>();
            hosts = new ArrayList<>();
            fileProblem = e.getMessage();
            log.error("cannot read the account files, so no account can be used or changed until they are fixed or"
                    + " restored from a backup (they are left untouched): {}", fileProblem);
        }
        index();
    }

    private void index() {
        Map<String, Scoped> next = new HashMap<>();
        for (StoredAccount stored : accounts.values()) {
            Account a = stored.account();
            next.put(a.zone(), new Scoped(stored.key(), new KeyScope(a.user(), a.zone(), Optional.empty())));
        }
        for (EnrolledHost h : hosts) {
            if (accounts.containsKey(h.user())) {
                next.put(h.fqdn(), new Scoped(h.key(), new KeyScope(h.user(), h.zone(), Optional.of(h.host()))));
            }
        }
        keys = next;
    }

    private void writable() throws AccountException {
        if (fileProblem != null) {
            reload();
        }
        if (fileProblem != null) {
            throw new AccountException("accounts cannot be changed while the account files are damaged: " + fileProblem
                    + ". Fix or restore " + file.path() + " or " + hostFile.path() + " and try again.");
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
        index();
    }

    private void storeHosts(List<EnrolledHost> next, String what) throws AccountException {
        next.sort(BY_USER_AND_HOST);
        try {
            hostFile.save(next);
        } catch (IOException e) {
            log.error("could not {}: writing {} failed: {}", what, hostFile.path(), e.getMessage());
            throw new AccountException("could not " + what + ": writing " + hostFile.path() + " failed: "
                    + e.getMessage(), e);
        }
        hosts = next;
        index();
    }

    private static String absolute(String keyName) {
        String name = keyName.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name : name + ".";
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

    private static String validHost(String host) throws AccountException {
        Optional<String> problem = DnsLabel.problem(host);
        if (problem.isPresent()) {
            throw new AccountException("'" + host + "' cannot be a host name (it becomes a DNS label in the user's zone): "
                    + problem.get());
        }
        String label = host.toLowerCase(Locale.ROOT);
        if (label.startsWith(AUTOTUNNEL_PREFIX)) {
            // Such a host's key would own another host's endpoint name (docs/enrollment.md, "Per-host keys", rule 1).
            throw new AccountException("'" + host + "' cannot be a host name: names starting with AutoTunnel- are the "
                    + "hosts' tunnel endpoints");
        }
        return label;
    }

    private static void checkPassword(char[] password) throws AccountException {
        Optional<String> problem = PasswordRules.problem(password);
        if (problem.isPresent()) {
            throw new AccountException(problem.get());
        }
    }
}
