package io.homeward.console.internal.machines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.enroll.EnrolledMachine;
import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.UserMachines;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.console.internal.Section;
import io.homeward.console.internal.overview.OverviewFacts;
import io.homeward.kit.net.Endpoints;

/**
 * What the machines page shows, read once per request: this user's machines (this host, the peer directory's hosts
 * with the key exchange's tunnel state, and, where the rendezvous runs in this runtime, its enrolled hosts of the
 * user with their certificates), and the rendezvous' other users with their enrolled hosts.
 *
 * @param now        when it was read
 * @param users      the signed-in user first, then the rendezvous' other users by name
 * @param keying     whether a key exchange runs here (pings need it)
 * @param rendezvous whether the rendezvous' enrollment runs here (revocation needs it)
 */
record MachinesFacts(Instant now, List<Section> users, boolean keying, boolean rendezvous) {

    MachinesFacts {
        users = List.copyOf(users);
    }

    /**
     * One user's machines.
     *
     * @param user     the user name
     * @param zone     the user's zone, absolute
     * @param signedIn whether this host is signed in as this user
     * @param rows     this host first, then by name
     */
    record Section(String user, String zone, boolean signedIn, List<Row> rows) {
        Section {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One machine.
     *
     * @param name         its host label; empty when only the key exchange knows it, and not by name
     * @param ula          its ULA, empty when only the rendezvous knows it
     * @param thisHost     whether it is this host
     * @param online       this host, or listed with an endpoint, or with a tunnel up
     * @param tunnel       the key exchange's state with it
     * @param via          how packets reach it: "direct, 198.51.100.9:61000 (dns-push)"
     * @param lastSeen     now when it is online, else when it last published, empty when unknown
     * @param certificate  its certificate's expiry where known: the rendezvous' record, else the certificate it last
     *                     authenticated with in IKE
     * @param revoked      every certificate of it is revoked
     * @param enrolled     the rendezvous here enrolled it (so it can be revoked here)
     */
    record Row(String name, Optional<String> ula, boolean thisHost, boolean online, Optional<KeyingStatus> tunnel,
            Optional<String> via, Optional<Instant> lastSeen, Optional<Instant> certificate, boolean revoked,
            boolean enrolled) {
        /** The text the page names it by: its label, else its ULA. */
        String label() {
            return name.isEmpty() ? ula.orElse("") : name;
        }
    }

    /** The services the page reads; any may be null. */
    record Services(HostIdentity identity, Credentials credentials, PeerDirectory peers, TunnelKeying keying,
            Enrollment enrollment) {
    }

    static MachinesFacts read(Services s, Instant now) {
        List<UserMachines> enrolled = s.enrollment() == null ? List.of() : s.enrollment().users();
        List<Section> users = new ArrayList<>();
        Optional<UserMachines> mine = Optional.empty();
        if (s.credentials() != null) {
            String zone = s.credentials().zone();
            mine = enrolled.stream().filter(u -> sameZone(u.zone(), zone)).findFirst();
            users.add(new Section(s.credentials().userName(), zone, true, signedIn(s, mine, now)));
        }
        for (UserMachines user : enrolled) {
            if (mine.map(m -> m != user).orElse(true)) {
                users.add(new Section(user.user(), user.zone(), false,
                        user.machines().stream().map(m -> enrolledOnly(m)).toList()));
            }
        }
        return new MachinesFacts(now, users, s.keying() != null, s.enrollment() != null);
    }

    /** This host, the directory's and the key exchange's hosts, and the enrolled hosts neither knows. */
    private static List<Row> signedIn(Services s, Optional<UserMachines> enrolled, Instant now) {
        List<EnrolledMachine> machines = new ArrayList<>(enrolled.map(UserMachines::machines).orElse(List.of()));
        List<Row> rows = new ArrayList<>();
        String self = s.identity() == null ? "" : s.identity().hostName().toLowerCase(Locale.ROOT);
        if (s.identity() != null) {
            Optional<EnrolledMachine> record = take(machines, self);
            Optional<Instant> ownCertificate = s.credentials().certificateChain().stream().findFirst()
                    .map(leaf -> leaf.getNotAfter().toInstant());
            rows.add(new Row(s.identity().hostName(), Optional.of(s.identity().ulaText()), true, true,
                    Optional.empty(), Optional.empty(), Optional.of(now),
                    ownCertificate.or(() -> record.flatMap(EnrolledMachine::validUntil)),
                    record.map(EnrolledMachine::revoked).orElse(false), record.isPresent()));
        }
        for (OverviewFacts.Machine m : OverviewFacts.machines(s.peers(), s.keying())) {
            if (!m.name().isEmpty() && m.name().equalsIgnoreCase(self)) {
                continue;
            }
            Optional<EnrolledMachine> record = take(machines, m.name().toLowerCase(Locale.ROOT));
            boolean up = m.tunnel().map(t -> t.state() == KeyingState.UP).orElse(false);
            boolean online = m.online() || up;
            rows.add(new Row(m.name(), Optional.of(m.ula()), false, online, m.tunnel(), via(m),
                    online ? Optional.of(now) : m.changed(), record.flatMap(EnrolledMachine::validUntil)
                            .or(() -> m.tunnel().flatMap(KeyingStatus::peerCertificateExpires)),
                    record.map(EnrolledMachine::revoked).orElse(false), record.isPresent()));
        }
        machines.forEach(m -> rows.add(enrolledOnly(m)));
        return rows;
    }

    private static Row enrolledOnly(EnrolledMachine m) {
        return new Row(m.host(), Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                Optional.empty(), m.validUntil(), m.revoked(), true);
    }

    private static Optional<EnrolledMachine> take(List<EnrolledMachine> machines, String host) {
        Optional<EnrolledMachine> found = machines.stream().filter(m -> m.host().equalsIgnoreCase(host)).findFirst();
        found.ifPresent(machines::remove);
        return found;
    }

    /** The endpoint the tunnel talks to, else the one the directory lists, and how it was learned. */
    private static Optional<String> via(OverviewFacts.Machine m) {
        return m.tunnel().flatMap(KeyingStatus::endpoint).or(m::endpoint)
                .map(e -> "direct, " + Endpoints.text(e) + m.learnedVia().map(v -> " (" + v + ")").orElse(""));
    }

    private static boolean sameZone(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String zone) {
        return zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    }
}
