package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.identity.Eui64;
import io.homeward.itests.LabDirectory;
import io.homeward.kit.text.PasswordKeys;

/**
 * IKEv2 interop with strongSwan 5.9 charon (kernel-libipsec) in the network lab, certificates from the account CA
 * enrolled over EST (docs/enrollment.md). charon runs in the laptop's
 * position behind the café NAT. First two charons prove that the account CA's certificates satisfy strongSwan;
 * then charon and a Homeward agent at home, signed in as the same user, key their CHILD_SAs with each other in both
 * directions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrongSwanInteropLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String CAFE_PUBLIC = "11.0.0.3";
    private static final String EST = LabRendezvous.ADDRESS + ":" + LabRendezvous.EST_PORT;
    /** The ULAs of the charon ⇔ charon proof (RFC 4193 addresses, fd00::/8). */
    private static final String CHARON_ULA = "fd00:4857:5:1::c";
    private static final String VPN_ULA = "fd00:4857:5:1::5";
    /** The ESP proposals and the algorithms swanctl then lists, AES-GCM first. */
    private static final Map<String, String> SUITES = new TreeMap<>(Map.of(LabCharon.AES_GCM, "AES_GCM_16-256",
            LabCharon.CHACHA20, "CHACHA20_POLY1305"));

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-strongswan");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static TsigKey masterKey;
    private static LabCharon.Credentials charonCredentials;
    private static LabCharon.Credentials vpnCredentials;
    private static LabCharon.Credentials selfSigned;
    private static LabHost home;
    private static String homeUla;
    private static String charonUla;

    @BeforeAll
    static void theUsersRendezvousAndAnEnrolledCharon() throws Exception {
        NetLab.up();
        LabCharon.requireInstalled();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        masterKey = PasswordKeys.derive(LabRendezvous.zone(USER), PASSWORD.toCharArray());
        charonCredentials = LabCharon.enrollWith("hw-laptop", EST, rendezvous.pin(), "charon", masterKey,
                work.resolve("credentials"));
        vpnCredentials = LabCharon.enrollWith("hw-rdv", EST, rendezvous.pin(), "vpn", masterKey, work.resolve("credentials"));
        selfSigned = LabCharon.selfSigned(fqdn("charon"), charonCredentials.caCertificates(), work.resolve("credentials"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(home, rendezvous);
    }

    @Test
    @Order(1)
    void theAccountCasCertificatesSatisfyStrongSwanBetweenTwoCharons() throws Exception {
        // given charon in the café and a second charon, "vpn", on the Internet, both enrolled with our CA
        try (LabCharon vpn = LabCharon.start("hw-rdv", work.resolve("vpn"), fqdn("vpn"), VPN_ULA, vpnCredentials);
                LabCharon charon = LabCharon.start("hw-laptop", work.resolve("charon-proof"), fqdn("charon"), CHARON_ULA,
                        charonCredentials)) {
            for (Map.Entry<String, String> suite : SUITES.entrySet()) {
                vpn.connect(new LabCharon.Peer(fqdn("charon"), CAFE_PUBLIC, CHARON_ULA), suite.getKey());
                charon.connect(new LabCharon.Peer(fqdn("vpn"), LabRendezvous.ADDRESS, VPN_ULA), suite.getKey());

                // when charon initiates
                assertTrue(charon.initiate(), "charon -> vpn with " + suite.getKey() + ":\n" + charon.logTail() + "\n"
                        + vpn.logTail());

                // then both list the SA with the suite, without ESN, and ping runs both ways between the ULAs
                LabCharon.IkeSa initiator = charon.awaitInstalled(10);
                LabCharon.IkeSa responder = vpn.awaitInstalled(10);
                assertTrue(initiator.initiator() && !responder.initiator(), initiator + " / " + responder);
                assertEquals(fqdn("charon"), initiator.localId());
                assertEquals(fqdn("vpn"), initiator.remoteId());
                assertEquals(fqdn("charon"), responder.remoteId());
                assertInstalledWithoutEsn(initiator, suite.getValue());
                assertInstalledWithoutEsn(responder, suite.getValue());
                assertTrue(NetLab.ping("hw-laptop", VPN_ULA), "charon -> vpn: " + charon.sas());
                assertTrue(NetLab.ping("hw-rdv", CHARON_ULA), "vpn -> charon: " + vpn.sas());

                // and a rekey by charon keeps ping flowing
                assertRekeyKeepsPingFlowing(charon, "hw-laptop", VPN_ULA, charon::rekey);
                charon.terminate();
            }
        }
    }

    @Test
    @Order(2)
    void charonRefusesASelfSignedPeerWithAuthenticationFailed() throws Exception {
        // given the vpn charon trusting our CA, and a charon in the café with a self-signed certificate
        try (LabCharon vpn = LabCharon.start("hw-rdv", work.resolve("vpn-refusing"), fqdn("vpn"), VPN_ULA, vpnCredentials);
                LabCharon impostor = LabCharon.start("hw-laptop", work.resolve("charon-self-signed"), fqdn("charon"),
                        CHARON_ULA, selfSigned)) {
            vpn.connect(new LabCharon.Peer(fqdn("charon"), CAFE_PUBLIC, CHARON_ULA), LabCharon.AES_GCM);
            impostor.connect(new LabCharon.Peer(fqdn("vpn"), LabRendezvous.ADDRESS, VPN_ULA), LabCharon.AES_GCM);

            // when it initiates
            boolean established = impostor.initiate();

            // then the vpn charon refuses it, and nothing is keyed
            assertFalse(established, impostor.sas().toString());
            assertTrue(impostor.log().contains("received AUTHENTICATION_FAILED notify error"), impostor.logTail());
            assertTrue(vpn.log().contains("self-signed certificate \"CN=" + fqdn("charon") + "\" is not trusted"),
                    vpn.logTail());
            assertTrue(vpn.sas().isEmpty(), vpn.sas().toString());
        }
    }

    @Test
    @Order(3)
    void charonInitiatesToHomewardWithAesGcmAndChaCha20WithoutEsn() throws Exception {
        // given home signed in, listing charon as a peer, and charon in the café
        homewardAtHome();
        try (LabCharon charon = charonInTheCafe("charon-to-home", charonCredentials)) {
            for (Map.Entry<String, String> suite : SUITES.entrySet()) {
                charon.connect(homeAsPeer(), suite.getKey());

                // when charon initiates to home's published endpoint
                assertTrue(charon.initiate(), "charon -> home with " + suite.getKey() + ":\n" + charon.logTail());

                // then charon lists the SA with the suite, without ESN, and ping runs both ways between the ULAs
                LabCharon.IkeSa sa = charon.awaitInstalled(10);
                assertEquals(fqdn("home"), sa.remoteId());
                assertInstalledWithoutEsn(sa, suite.getValue());
                assertTrue(NetLab.ping("hw-laptop", homeUla), "charon -> home: " + home.tunnels());
                assertTrue(NetLab.ping("hw-home", charonUla), "home -> charon: " + home.tunnels());

                // and rekeys by charon, of the CHILD_SA and then of the IKE SA, keep ping flowing
                assertRekeyKeepsPingFlowing(charon, "hw-laptop", homeUla, charon::rekey);
                assertIkeRekeyKeepsTheChildSa(charon, charon::rekeyIke);
                charon.terminate();
            }
        }
    }

    @Test
    @Order(4)
    void homewardInitiatesToCharon() throws Exception {
        homewardAtHome();
        try (LabCharon charon = charonInTheCafe("home-to-charon", charonCredentials)) {
            charon.connect(homeAsPeer(), LabCharon.CHACHA20);
            // given the café NAT's mapping for charon's port, opened by charon's own IKE traffic to home (the NAT
            // filters by address and port: lab-notes), as a Homeward laptop's keepalives keep it open; the earlier
            // cases' packets to the café's port 4500 are forgotten first, so charon's port maps to the published one
            NetLab.forgetCafeMappings();
            assertTrue(charon.initiate(), charon.logTail());
            charon.terminate();

            // when home is asked to key charon (what the autotunnel does on a first packet to a peer without an SA)
            String asked = home.initiateIke("charon", 30);
            assertTrue(asked.startsWith("Initiating an IKE SA with charon."), asked);
            boolean answered = NetLab.ping("hw-home", charonUla);

            // then home initiated (charon is the responder), keyed ChaCha20 without ESN, and ping runs both ways
            LabCharon.IkeSa sa = charon.awaitInstalled(20);
            assertFalse(sa.initiator(), sa.toString());
            assertEquals(fqdn("home"), sa.remoteId());
            assertInstalledWithoutEsn(sa, SUITES.get(LabCharon.CHACHA20));
            assertTrue(answered || NetLab.ping("hw-home", charonUla), "home -> charon: " + home.tunnels());
            assertTrue(NetLab.ping("hw-laptop", homeUla), "charon -> home: " + home.tunnels());

            // and rekeys by Homeward's operator, of the CHILD_SA and then of the IKE SA, keep ping flowing
            assertRekeyKeepsPingFlowing(charon, "hw-laptop", homeUla, () -> assertTrue(home.run(
                    "homeward:ike rekey charon").get(0).startsWith("Rekeying the Child SA with charon"), home.ike()));
            assertIkeRekeyKeepsTheChildSa(charon, () -> assertTrue(home.run("homeward:ike rekey-ike charon").get(0)
                    .startsWith("Rekeying the IKE SA"), home.ike()));
        }
    }

    @Test
    @Order(5)
    void homewardRefusesASelfSignedCharonWithAuthenticationFailed() throws Exception {
        homewardAtHome();
        try (LabCharon impostor = charonInTheCafe("self-signed-to-home", selfSigned)) {
            // given charon with a self-signed certificate for its own name
            impostor.connect(homeAsPeer(), LabCharon.AES_GCM);

            // when it initiates to home
            boolean established = impostor.initiate();

            // then home refuses it with AUTHENTICATION_FAILED and keys nothing
            assertFalse(established, impostor.sas().toString());
            assertTrue(impostor.log().contains("received AUTHENTICATION_FAILED notify error"), impostor.logTail());
            assertFalse(NetLab.ping("hw-laptop", homeUla), "no tunnel: " + home.tunnels());
        }
    }

    /**
     * Starts the Homeward agent at home once (behind the miniupnpd gateway, signed in as the user) and publishes
     * charon's records so home lists charon as a peer in the café.
     */
    private static void homewardAtHome() throws Exception {
        if (home == null) {
            home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400)
                    .startOnTerminal();
            homeUla = home.awaitPublished(90).ula();
        }
        if (charonUla == null) {
            Eui64 eui64 = Eui64.random(new SecureRandom());
            String ula = LabCharon.ulaBeside(homeUla, eui64);
            LabCharon.publish(new LabCharon.Peer(fqdn("charon"), CAFE_PUBLIC, ula), eui64, masterKey, LabRendezvous.DNS,
                    "hw-laptop", work);
            home.awaitPeerAt("charon", CAFE_PUBLIC + ":" + LabCharon.NAT_T_PORT, 30);
            charonUla = ula;
        }
    }

    private static LabCharon charonInTheCafe(String name, LabCharon.Credentials credentials) throws Exception {
        return LabCharon.start("hw-laptop", work.resolve(name), fqdn("charon"), charonUla, credentials);
    }

    private static LabCharon.Peer homeAsPeer() {
        return new LabCharon.Peer(fqdn("home"), NetLab.HOME_WAN, homeUla);
    }

    private static String fqdn(String host) {
        String zone = LabRendezvous.zone(USER);
        return host + "." + zone.substring(0, zone.length() - 1);
    }

    /**
     * The IKE SA is established with one of the AEAD proposals, PRF HMAC-SHA2-256 and X25519, over UDP 4500; its
     * installed CHILD_SA is tunnel mode in UDP with the ESP algorithm and no ESN.
     */
    private static void assertInstalledWithoutEsn(LabCharon.IkeSa sa, String algorithms) {
        assertEquals("ESTABLISHED", sa.state(), sa.toString());
        assertTrue(sa.algorithms().matches("(AES_GCM_16-256|CHACHA20_POLY1305)/PRF_HMAC_SHA2_256/CURVE_25519"),
                sa.toString());
        assertTrue(sa.remoteEndpoint().endsWith("[" + LabCharon.NAT_T_PORT + "]"), sa.toString());
        LabCharon.ChildSa child = sa.children().stream().filter(c -> c.state().equals("INSTALLED")).findFirst()
                .orElseThrow(() -> new AssertionError("no installed CHILD_SA: " + sa));
        assertEquals(algorithms, child.algorithms(), sa.toString());
        assertFalse(child.esn(), sa.toString());
        assertEquals("TUNNEL-in-UDP", child.mode(), sa.toString());
    }

    /** A rekey started by charon or by Homeward's operator. */
    @FunctionalInterface
    private interface Rekey {
        void start() throws Exception;
    }

    /**
     * 25 echo requests 0.2 s apart, one side rekeying the CHILD_SA one second in: all answered, new SPIs installed.
     */
    private static void assertRekeyKeepsPingFlowing(LabCharon charon, String namespace, String to, Rekey rekey)
            throws Exception {
        LabCharon.ChildSa before = installedChild(charon);
        Process ping = new ProcessBuilder("ip", "netns", "exec", namespace, "ping", "-6", "-n", "-c", "25", "-i", "0.2",
                "-W", "2", to).redirectErrorStream(true).start();
        Thread.sleep(1000);
        rekey.start();
        assertTrue(ping.waitFor(30, TimeUnit.SECONDS), "ping did not finish");
        String out = new String(ping.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("25 packets transmitted, 25 received"), out + "\n" + charon.logTail());
        LabCharon.ChildSa after = installedChild(charon);
        assertNotEquals(before.spiIn(), after.spiIn(), charon.sas().toString());
        assertNotEquals(before.spiOut(), after.spiOut(), charon.sas().toString());
    }

    /**
     * The IKE SA rekeyed (RFC 7296 §2.18): within 10 s charon lists one IKE SA, with new SPIs and the CHILD_SA it had,
     * and ping runs over it.
     */
    private static void assertIkeRekeyKeepsTheChildSa(LabCharon charon, Rekey rekey) throws Exception {
        LabCharon.IkeSa before = charon.awaitInstalled(10);
        LabCharon.ChildSa child = installedChild(charon);
        rekey.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<LabCharon.IkeSa> sas = charon.sas();
        while (!(sas.size() == 1 && !sas.get(0).spiI().equals(before.spiI())) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            sas = charon.sas();
        }
        assertEquals(1, sas.size(), sas + "\n" + charon.logTail());
        assertNotEquals(before.spiI(), sas.get(0).spiI(), sas.toString());
        assertNotEquals(before.spiR(), sas.get(0).spiR(), sas.toString());
        assertEquals("ESTABLISHED", sas.get(0).state(), sas.toString());
        assertEquals(child.spiIn(), installedChild(charon).spiIn(), "the CHILD_SA moved to the new IKE SA: " + sas);
        assertTrue(NetLab.ping("hw-laptop", homeUla), "charon -> home over the new IKE SA: " + home.ike());
    }

    private static LabCharon.ChildSa installedChild(LabCharon charon) throws Exception {
        List<LabCharon.ChildSa> installed = charon.awaitInstalled(10).children().stream()
                .filter(c -> c.state().equals("INSTALLED")).toList();
        assertEquals(1, installed.size(), charon.sas().toString());
        return installed.get(0);
    }
}
