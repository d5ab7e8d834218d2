package io.homeward.itests.netlab;

import static io.homeward.itests.netlab.NetLab.ping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.LabDirectory;

/**
 * Wireshark's ISAKMP dissector, an independent reading of RFC 7296, takes the IKE between two Homeward hosts apart:
 * the IKE_SA_INIT messages (SA with AES-GCM-16, PRF and Curve25519, KE, Nonce, NAT detection) dissect without a
 * malformed packet or an expert warning, and with the rows home logs at TRACE for Wireshark's IKEv2 decryption table
 * the IKE_AUTH messages (and their SKF fragments, RFC 7383, when the certificate chain makes them too long) decrypt
 * to both hosts' ID_FQDN, their X.509 CERT payloads and the digital-signature AUTH (RFC 7427).
 */
class IkeDissectionLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String KEYED = "SA pair keyed by IKE";
    /** What precedes a row of the decryption table in home's log (the IKE bundle's DecryptionTableLog). */
    private static final String ROW = "a row of Wireshark's ikev2_decryption_table: ";
    private static final String ENCR_AES_GCM_16 = "20";
    private static final String CURVE25519 = "31";
    private static final String NAT_DETECTION_SOURCE_IP = "16388";
    private static final String NAT_DETECTION_DESTINATION_IP = "16389";
    private static final String DIGITAL_SIGNATURE = "14";
    private static final String X509_SIGNATURE = "4";
    /** Expert info at warning level and above (epan/proto.h PI_WARN). */
    private static final String WARNINGS = "0x00600000";

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-ike-dissection");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;

    @BeforeAll
    static void rendezvous() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    void tsharkDissectsTheIkeSaInitAndDecryptsTheIkeAuthWithTheLoggedKeys() throws Exception {
        List<String> options = new ArrayList<>();
        try (LabCapture capture = LabCapture.start("hw-home", "eth0", "udp port 4500", work.resolve("ike.pcapng"),
                120)) {
            home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400)
                    .launchedWith("--log-level", "trace");
            laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                    rendezvous.pin(), 5400);
            LabHost.startTogether(home::start, laptop::startOnTerminal);
            String homeUla = home.awaitPublished(90).ula();
            laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
            home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
            laptop.initiateIke("home", 30);
            home.awaitIke(KEYED, 60);
            laptop.awaitIke(KEYED, 60);
            assertTrue(ping("hw-laptop", homeUla), "laptop -> home: " + home.ike());
        }

        List<String> logged = home.log().lines().filter(line -> line.contains(ROW)).toList();
        assertFalse(logged.isEmpty(), "home logged no decryption table row");
        assertTrue(logged.stream().allMatch(line -> line.contains(" TRACE ")), "the keys only at TRACE: " + logged);
        for (String row : logged.stream().map(line -> line.substring(line.indexOf(ROW) + ROW.length())).distinct()
                .toList()) {
            options.addAll(List.of("-o", "uat:ikev2_decryption_table:" + row));
        }
        LabCapture.Reader tshark = new LabCapture.Reader(work.resolve("ike.pcapng"), options);

        List<String> complaints = tshark.read("-Y", "isakmp && (_ws.malformed || _ws.expert.severity >= " + WARNINGS
                + ")", "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message");
        assertEquals(List.of(), complaints, "malformed packets or expert warnings");

        List<String> init = tshark.read("-Y", "isakmp.exchangetype == 34", "-T", "fields", "-e", "isakmp.flag_r", "-e",
                "isakmp.tf.id.encr", "-e", "isakmp.tf.id.dh", "-e", "isakmp.key_exchange.dh_group", "-e",
                "isakmp.nonce", "-e", "isakmp.notify.msgtype");
        assertTrue(init.size() >= 2, "an IKE_SA_INIT request and response: " + init);
        for (String message : init) {
            List<String> f = Arrays.asList(message.split("\t", -1));
            assertTrue(values(f.get(1)).contains(ENCR_AES_GCM_16), "SA with AES-GCM-16: " + message);
            assertTrue(values(f.get(2)).contains(CURVE25519), "SA with Curve25519: " + message);
            assertTrue(values(f.get(3)).contains(CURVE25519), "KE of Curve25519: " + message);
            assertFalse(f.get(4).isEmpty(), "Nonce: " + message);
            assertTrue(values(f.get(5)).containsAll(Set.of(NAT_DETECTION_SOURCE_IP, NAT_DETECTION_DESTINATION_IP)),
                    "NAT detection: " + message);
        }

        List<String> auth = tshark.read("-Y", "isakmp.exchangetype == 35 && isakmp.enc.decrypted", "-T", "fields",
                "-e", "isakmp.id.data.fqdn", "-e", "isakmp.cert.encoding", "-e", "isakmp.auth.method");
        String zone = LabRendezvous.zone(USER).replaceAll("\\.$", "");
        Set<String> fqdns = auth.stream().flatMap(line -> values(line.split("\t", -1)[0]).stream())
                .collect(Collectors.toSet());
        assertTrue(fqdns.containsAll(Set.of("home." + zone, "laptop." + zone)), "ID_FQDN of both hosts: " + auth);
        assertTrue(auth.stream().anyMatch(line -> values(line.split("\t", -1)[1]).contains(X509_SIGNATURE)),
                "X.509 CERT payloads: " + auth);
        assertTrue(auth.stream().allMatch(line -> line.isBlank() || values(line.split("\t", -1)[2])
                .contains(DIGITAL_SIGNATURE)), "AUTH by digital signature: " + auth);

        List<String> fragments = tshark.read("-Y", "isakmp.frag.number", "-T", "fields", "-e", "isakmp.frag.number",
                "-e", "isakmp.frag.total", "-e", "isakmp.reassembled.in");
        List<String> reassembled = tshark.read("-Y", "isakmp.fragments", "-T", "fields", "-e", "frame.number");
        System.out.printf("IKE dissection: %d IKE_SA_INIT and %d decrypted IKE_AUTH messages, ID_FQDN %s, %d SKF"
                + " fragments reassembled into %d messages, %d decryption table row(s)%n", init.size(), auth.size(),
                fqdns, fragments.size(), reassembled.size(), options.size() / 2);
        assertTrue(fragments.isEmpty() == reassembled.isEmpty(), "SKF fragments " + fragments
                + " reassembled in " + reassembled);
    }

    /** The comma-separated values tshark prints for a field that occurs several times. */
    private static List<String> values(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(","));
    }
}
