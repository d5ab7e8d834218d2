package io.homeward.rendezvous.enroll.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;

/** Users with random master keys and host keys, in memory. */
final class TestAccounts implements AccountService {
    static final String DOMAIN = "members.example.";
    private static final String ALGORITHM = "hmac-sha256.";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> users = new LinkedHashMap<>();
    private final Map<String, TsigKey> masterKeys = new LinkedHashMap<>();
    private final Map<String, EnrolledHost> hosts = new LinkedHashMap<>();
    volatile boolean failEnroll;

    TestAccounts(Clock clock, String... names) {
        this.clock = clock;
        for (String name : names) {
            addUser(name, new char[0]);
        }
    }

    TsigKey masterKey(String user) {
        return masterKeys.get(users.get(user).zone());
    }

    @Override
    public String domain() {
        return DOMAIN;
    }

    @Override
    public synchronized Account addUser(String user, char[] password) {
        Account account = new Account(user, user + "." + DOMAIN, clock.instant(), clock.instant());
        users.put(user, account);
        masterKeys.put(account.zone(), new TsigKey(account.zone(), ALGORITHM, secret()));
        return account;
    }

    @Override
    public Account setPassword(String user, char[] password) throws AccountException {
        throw new AccountException("passwords do not change in these tests");
    }

    @Override
    public synchronized boolean removeUser(String user) {
        return users.remove(user) != null;
    }

    @Override
    public synchronized List<Account> users() {
        return users.values().stream().sorted(Comparator.comparing(Account::user)).toList();
    }

    @Override
    public synchronized Optional<TsigKey> key(String keyName) {
        TsigKey master = masterKeys.get(keyName);
        return master != null ? Optional.of(master) : Optional.ofNullable(hosts.get(keyName)).map(EnrolledHost::key);
    }

    @Override
    public synchronized Optional<KeyScope> scope(String keyName) {
        for (Account a : users.values()) {
            if (a.zone().equals(keyName)) {
                return Optional.of(new KeyScope(a.user(), a.zone(), Optional.empty()));
            }
        }
        return Optional.ofNullable(hosts.get(keyName)).map(h -> new KeyScope(h.user(), h.zone(), Optional.of(h.host())));
    }

    @Override
    public synchronized EnrolledHost enrollHost(String user, String host) throws AccountException {
        if (failEnroll) {
            throw new AccountException("the disk is full");
        }
        Account account = users.get(user);
        EnrolledHost enrolled = new EnrolledHost(user, account.zone(), host,
                new TsigKey(host + "." + account.zone(), ALGORITHM, secret()), clock.instant());
        hosts.put(enrolled.fqdn(), enrolled);
        return enrolled;
    }

    @Override
    public synchronized boolean removeHost(String user, String host) {
        return hosts.remove(host + "." + users.get(user).zone()) != null;
    }

    @Override
    public synchronized List<EnrolledHost> hosts(String user) {
        List<EnrolledHost> own = new ArrayList<>(hosts.values().stream().filter(h -> h.user().equals(user)).toList());
        own.sort(Comparator.comparing(EnrolledHost::host));
        return own;
    }

    private byte[] secret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }
}
