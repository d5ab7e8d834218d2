package io.homeward.console.internal.machines;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

import io.homeward.api.ca.HostCertificate;
import io.homeward.api.enroll.EnrolledMachine;
import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.NewInvite;
import io.homeward.api.enroll.PendingInvite;
import io.homeward.api.enroll.PreflightCheck;
import io.homeward.api.enroll.UserMachines;
import io.homeward.api.keying.KeyingListener;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.console.internal.overview.OverviewFixtures;
import io.homeward.testkit.SelfSignedTls;

/** Fakes for the machines and add-a-machine pages: a rendezvous' enrollment and a key exchange that answers pings. */
final class MachinesFixtures {
    static final PromiseFactory PROMISES = new PromiseFactory(null);

    private MachinesFixtures() {
    }

    static X509Certificate certificate() {
        try {
            return new SelfSignedTls().certificate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loopback listeners, and 192.168.1.20 to listen on instead. */
    static InvitePreflight loopbackOnly() throws Exception {
        return new InvitePreflight(List.of(InetAddress.getByName("127.0.0.1")), 8053, 8853, 8443, 3478,
                List.of(new PreflightCheck("Invite addresses", "127.0.0.1, which only this machine reaches", false),
                        new PreflightCheck("DNS listeners", "127.0.0.1:8053, which only this machine reaches", false),
                        new PreflightCheck("Enrollment server", "127.0.0.1:8443, which only this machine reaches",
                                false)),
                List.of(InetAddress.getByName("192.168.1.20")));
    }

    static InvitePreflight ready() throws Exception {
        return new InvitePreflight(List.of(InetAddress.getByName("192.168.1.20")), 8053, 8853, 8443, 3478,
                List.of(new PreflightCheck("Invite addresses", "192.168.1.20", true),
                        new PreflightCheck("DNS listeners", "every interface, port 8053", true),
                        new PreflightCheck("Enrollment server", "every interface, port 8443", true)),
                List.of(InetAddress.getByName("192.168.1.20")));
    }

    /** A rendezvous with users alice and bob that records what it is asked. */
    static final class FakeEnrollment implements Enrollment {
        final List<UserMachines> users = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        InvitePreflight preflight;

        FakeEnrollment(InvitePreflight preflight) {
            this.preflight = preflight;
        }

        /** alice: desk (this host), laptop (online), tablet (enrolled only), one pending invite; bob: phone. */
        static FakeEnrollment households(InvitePreflight preflight, X509Certificate certificate) {
            FakeEnrollment enrollment = new FakeEnrollment(preflight);
            HostCertificate laptop = new HostCertificate("alice.members.example.", "laptop", certificate,
                    Optional.empty());
            HostCertificate tablet = new HostCertificate("alice.members.example.", "tablet", certificate,
                    Optional.empty());
            enrollment.users.add(new UserMachines("alice", "alice.members.example.", List.of(
                    new EnrolledMachine("desk", Optional.of(OverviewFixtures.NOW), List.of()),
                    new EnrolledMachine("laptop", Optional.of(OverviewFixtures.NOW), List.of(laptop)),
                    new EnrolledMachine("tablet", Optional.of(OverviewFixtures.NOW), List.of(tablet))),
                    List.of(new PendingInvite("0a1b2c3d4e5f6071", "alice", Optional.of("phone<2>"),
                            OverviewFixtures.NOW.plusSeconds(3600)))));
            enrollment.users.add(new UserMachines("bob", "bob.members.example.", List.of(
                    new EnrolledMachine("phone", Optional.empty(), List.of())), List.of()));
            return enrollment;
        }

        @Override
        public List<UserMachines> users() {
            return users;
        }

        @Override
        public NewInvite invite(Optional<String> user, Optional<String> host, Duration validity)
                throws EnrollmentException {
            asked.add("invite " + user.orElse("-") + " " + host.orElse("-") + " " + validity);
            if (user.isPresent() && user.get().equals("carol")) {
                throw new EnrollmentException("there is no user carol");
            }
            PendingInvite invite = new PendingInvite("feedfacecafebeef", user.orElse("alice"), host,
                    OverviewFixtures.NOW.plus(validity));
            return new NewInvite(invite, user.orElse("alice") + ".members.example.", "HW1ABCDEFGH234567",
                    "java -jar homeward.jar --feature agent --join HW1ABCDEFGH234567");
        }

        @Override
        public boolean cancelInvite(String id) {
            asked.add("cancel " + id);
            return id.equals("0a1b2c3d4e5f6071");
        }

        @Override
        public String revoke(String host) throws EnrollmentException {
            asked.add("revoke " + host);
            if (!host.startsWith("tablet.")) {
                throw new EnrollmentException("there is no enrolled host " + host + " (homeward:hosts lists them)");
            }
            return "revoked 1 certificate (serial 1f) of " + host + " and deleted its host key";
        }

        @Override
        public InvitePreflight preflight() {
            return preflight;
        }
    }

    /** A key exchange that reports {@code statuses} and answers key and probe as told. */
    static TunnelKeying keying(Function<Inet6Address, Promise<KeyingStatus>> key,
            Function<Inet6Address, Promise<Duration>> probe, KeyingStatus... statuses) {
        return new TunnelKeying() {
            @Override
            public Promise<KeyingStatus> key(Inet6Address peer) {
                return key.apply(peer);
            }

            @Override
            public boolean close(Inet6Address peer, String reason) {
                throw new UnsupportedOperationException("the page never closes a tunnel");
            }

            @Override
            public Promise<Duration> probe(Inet6Address peer) {
                return probe.apply(peer);
            }

            @Override
            public List<KeyingStatus> status() {
                return List.of(statuses);
            }

            @Override
            public void addKeyingListener(KeyingListener listener) {
                throw new UnsupportedOperationException("the page polls");
            }

            @Override
            public void removeKeyingListener(KeyingListener listener) {
                throw new UnsupportedOperationException("the page polls");
            }
        };
    }
}
