package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.auth.Credentials;
import io.homeward.api.kerberos.KdcListener;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.MutableHostIdentity;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestRevocations;

/**
 * A host renamed in place (docs/enrollment.md "Renaming a host"): the KDC withdraws the old realm, closes its front
 * door and answers for the new one with the new realm's own keys; binding is retried while the port is taken.
 */
class KdcRenameTest {
    private static final String HOME = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final String DEN = "DEN.ALICE.MEMBERS.EXAMPLE";

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ManualScheduler thread = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final MutableHostIdentity identity = new MutableHostIdentity(KdcComponentTest.loopback(), "home");
    private final List<Optional<String>> heard = new ArrayList<>();
    private final KdcListener listener = heard::add;
    private Credentials credentials;
    private KdcComponent component;
    private boolean stopped;

    @BeforeEach
    void signIn() throws Exception {
        TestAccountCa ca = TestAccountCa.create("members.example", Instant.now());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, Instant.now());
        credentials = KdcComponentTest.credentials(List.of(home.certificate(), ca.certificate),
                Optional.of(home.keys().getPrivate()));
    }

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void aRenamedHostsKdcServesTheNewRealmWithItsOwnKeysAndClosesTheOldFrontDoor() throws IOException {
        component = start(0);
        component.addKdcListener(listener);
        assertEquals(List.of(Optional.of(HOME)), heard);
        int oldUdp = port(" UDP");
        int oldTcp = port(" TCP");
        byte[] homeKeys = component.exportKeytab("host").orElseThrow();

        identity.rename("den");
        component.identityRenamed(identity);

        assertEquals(List.of(Optional.of(HOME), Optional.empty(), Optional.of(DEN)), heard,
                "the old realm withdrawn before the new one answers");
        assertEquals(DEN, component.realm());
        assertEquals(DEN, component.status().realm());
        assertEquals(List.of("host/den.alice.members.example@" + DEN), component.services());
        assertTrue(component.status().principals().contains("krbtgt/" + DEN + "@" + DEN),
                component.status().principals().toString());
        assertFalse(component.status().principals().stream().anyMatch(p -> p.contains("HOME")),
                component.status().principals().toString());
        assertTrue(Files.exists(directory.resolve(HOME + ".keytab")) && Files.exists(directory.resolve(DEN
                + ".keytab")), "each realm its own keys");
        assertFalse(Arrays.equals(homeKeys, component.exportKeytab("host").orElseThrow()));
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(KdcComponentTest.loopback(), oldUdp));
                ServerSocket tcp = new ServerSocket(oldTcp, 1, KdcComponentTest.loopback())) {
            assertTrue(udp.isBound() && tcp.isBound(), "the old front door's ports are free again");
        }
        assertTrue(port(" UDP") > 0);
    }

    @Test
    void theSameNameAgainChangesNothing() {
        component = start(0);
        component.addKdcListener(listener);
        List<String> listening = component.status().listening();

        component.identityRenamed(identity);
        identity.rename("HOME");
        component.identityRenamed(identity);

        assertEquals(List.of(Optional.of(HOME)), heard);
        assertEquals(listening, component.status().listening());
    }

    @Test
    void aRenameWhileNotSignedInOnlyChangesTheRealmItWouldServe() {
        credentials = null;
        component = start(0);
        component.addKdcListener(listener);

        identity.rename("den");
        component.identityRenamed(identity);

        assertEquals("DEN", component.realm());
        assertTrue(component.status().listening().get(0).contains("not signed in"));
        assertEquals(List.of(), heard);
    }

    @Test
    void bindsAgainWhileThePortIsTakenAndTellsTheListenerOnlyOnceItAnswers() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, KdcComponentTest.loopback())) {
            port = free.getLocalPort();
        }
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(KdcComponentTest.loopback(), port))) {
            component = start(port);
            component.addKdcListener(listener);

            assertTrue(component.status().listening().get(0).startsWith("not listening: "),
                    component.status().listening().toString());
            assertEquals(List.of(), heard);
            assertEquals(Optional.of(KdcComponent.BIND_RETRY), thread.nextDelay());
        }
        thread.advance(KdcComponent.BIND_RETRY);

        assertEquals(List.of(Optional.of(HOME)), heard);
        assertEquals(port, port(" UDP"));
        assertEquals(0, thread.pending());

        component.deactivate();
        component = null;
        assertTrue(stopped, "the thread ended");
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(KdcComponentTest.loopback(), port))) {
            assertTrue(again.isBound(), "deactivation closed the front door");
        }
    }

    private KdcComponent start(int port) {
        return new KdcComponent(log.logger(), directory, credentials, identity, new KdcComponentTest.NoPeers(),
                new TestRevocations(), KdcComponentTest.config(port), clock, new SecureRandom(), thread,
                () -> stopped = true);
    }

    private int port(String suffix) {
        for (String where : component.status().listening()) {
            if (where.endsWith(suffix)) {
                return Integer.parseInt(where.substring(where.lastIndexOf(':') + 1, where.length() - suffix.length()));
            }
        }
        throw new AssertionError("the KDC does not listen over" + suffix + ": " + component.status().listening());
    }
}
