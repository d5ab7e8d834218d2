package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.text.DnsLabel;

/**
 * What an operator does with the users' machines, for the shell commands and the console alike: invite one,
 * revoke one (docs/enrollment.md, "Revocation"), list them with their certificates and pending invites.
 */
final class Machines {
    /** What the new machine runs to join. */
    static final String JOIN_COMMAND = "java -jar homeward.jar --feature agent --join ";

    /**
     * A new invite.
     *
     * @param invite  as the rendezvous keeps it
     * @param account whose machine it is for
     * @param code    the code to hand to the new machine
     */
    record NewInvite(Invite invite, Account account, String code) {
        String joinCommand() {
            return JOIN_COMMAND + code;
        }

        /** {@code laptop.alice.members.example.} or "a new machine of alice.members.example.". */
        String forWhom() {
            return invite.host().map(h -> h + "." + account.zone()).orElse("a new machine of " + account.zone());
        }
    }

    /**
     * One machine of a user: its key, if it has one, and its unexpired certificates, revoked ones included.
     */
    record Machine(String host, Optional<EnrolledHost> key, List<HostCertificate> certificates) {
    }

    /** A user's machines and pending invites. */
    record UserMachines(Account account, List<Machine> machines, List<Invite> invites) {
    }

    private final AccountService accounts;
    private final CertificateAuthority ca;
    private final InviteBook invites;
    private final RendezvousCoordinates coordinates;
    private final Clock clock;
    private final Logger log;

    Machines(AccountService accounts, CertificateAuthority ca, InviteBook invites, RendezvousCoordinates coordinates,
            Clock clock, Logger log) {
        this.accounts = accounts;
        this.ca = ca;
        this.invites = invites;
        this.coordinates = coordinates;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Makes an invite.
     *
     * @param user empty for the only user there is
     * @param host empty for the joining machine's own name
     * @throws IllegalArgumentException saying what to change
     * @throws IOException              when it cannot be stored
     */
    NewInvite invite(Optional<String> user, Optional<String> host, Duration validity) throws IOException {
        Account account = user.map(this::account).orElseGet(this::onlyAccount);
        Optional<String> label = host.map(h -> h.toLowerCase(Locale.ROOT));
        if (label.isPresent()) {
            Optional<String> problem = DnsLabel.problem(label.get());
            if (problem.isPresent()) {
                throw new IllegalArgumentException("the host name is not a DNS label: " + problem.get());
            }
        }
        coordinates.addresses(); // says what to configure before anything is stored when no address can be named
        Invite invite = invites.create(account.user(), label, validity);
        NewInvite made = new NewInvite(invite, account, coordinates.code(invite, account.zone()).encode());
        log.info("made invite {} for {}, valid until {}", invite.id(), made.forWhom(), invite.expires());
        return made;
    }

    /**
     * Revokes a host: first its certificates (the CA publishes a new CRL), then its key.
     *
     * @param name {@code laptop.alice.members.example} or, when only one user has it, {@code laptop}
     * @return what was done, for the operator
     * @throws IllegalArgumentException when the name is unknown or ambiguous
     */
    String revoke(String name) throws AccountException {
        Machine machine = null;
        Account owner = null;
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (UserMachines user : list(Optional.empty())) {
            for (Machine m : user.machines()) {
                String fqdn = m.host() + "." + user.account().zone();
                if (m.host().equals(wanted) || fqdn.equals(wanted) || fqdn.equals(wanted + ".")) {
                    matches.add(fqdn);
                    machine = m;
                    owner = user.account();
                }
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("there is no enrolled host " + name + " (homeward:hosts lists them)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(name + " could be " + String.join(" or ", matches)
                    + ": give the whole name");
        }
        String fqdn = matches.get(0);
        List<HostCertificate> revoked = ca.revoke(owner.zone(), machine.host());
        boolean removed = accounts.removeHost(owner.user(), machine.host());
        String serials = revoked.stream().map(c -> c.serial().toString(16)).collect(Collectors.joining(", "));
        String done = "revoked " + (revoked.isEmpty() ? "no certificate (none was valid)" : revoked.size()
                + " certificate" + (revoked.size() == 1 ? "" : "s") + " (serial " + serials + ")") + " of " + fqdn
                + " and " + (removed ? "deleted its host key" : "found no host key to delete");
        log.info("{}", done);
        return done;
    }

    /**
     * Cancels a pending invite.
     *
     * @return false if no pending invite has the id
     * @throws IOException when the change cannot be stored
     */
    boolean cancel(String id) throws IOException {
        boolean cancelled = invites.cancel(id);
        if (cancelled) {
            log.info("cancelled invite {}", id);
        }
        return cancelled;
    }

    /** Users, sorted by name, with their machines and pending invites; one user or all. */
    List<UserMachines> list(Optional<String> user) {
        List<Account> chosen = user.map(u -> List.of(account(u))).orElseGet(accounts::users);
        Instant now = clock.instant();
        List<UserMachines> all = new ArrayList<>();
        for (Account account : chosen) {
            List<EnrolledHost> keys = accounts.hosts(account.user());
            List<HostCertificate> certificates = ca.certificates(account.zone()).stream()
                    .filter(c -> c.notAfter().isAfter(now)).toList();
            TreeSet<String> names = new TreeSet<>();
            keys.forEach(k -> names.add(k.host()));
            certificates.forEach(c -> names.add(c.host()));
            List<Machine> machines = names.stream().map(h -> new Machine(h,
                    keys.stream().filter(k -> k.host().equals(h)).findFirst(),
                    certificates.stream().filter(c -> c.host().equals(h)).toList())).toList();
            all.add(new UserMachines(account, machines, invites.pending(account.user())));
        }
        return all;
    }

    List<Account> accounts() {
        return accounts.users();
    }

    private Account account(String user) {
        return accounts.users().stream().filter(a -> a.user().equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no user " + user));
    }

    private Account onlyAccount() {
        List<Account> all = accounts.users();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("there are no users yet: add one with homeward:useradd NAME");
        }
        if (all.size() > 1) {
            throw new IllegalArgumentException("there are several users: say whose machine it is with --user NAME ("
                    + all.stream().map(Account::user).collect(Collectors.joining(", ")) + ")");
        }
        return all.get(0);
    }
}
