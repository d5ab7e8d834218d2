package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Issue 3's acceptance, against the real rendezvous runtime with the real clients a user has:
 * dig, kdig and nsupdate (and dnsjava where those tools cannot express the case).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RendezvousDnsTest {
    private static final long LEASE_MIN_SECONDS = 3;

    @TempDir
    static Path dir;

    private RendezvousServer server;

    @BeforeAll
    void start() throws Exception {
        server = RendezvousServer.start(dir, LEASE_MIN_SECONDS);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void answersOverUdpTcpAndTlsWithNxdomainAndNodata() throws Exception {
        String udp = dig("SOA", "alice.members.example.");
        assertTrue(udp.contains("status: NOERROR") && udp.contains("flags: qr aa"), udp);
        assertTrue(udp.contains("alice.members.example.") && udp.contains("SOA"), udp);
        String tcp = dig("+tcp", "NS", "alice.members.example.");
        assertTrue(tcp.contains("status: NOERROR") && tcp.contains("IN\tNS\t"), tcp);
        Tool.Result tls = Tool.run(null, "kdig", "+tls", "@127.0.0.1", "-p", Integer.toString(server.tlsPort), "SOA", "alice.members.example.");
        assertTrue(tls.out().contains("NOERROR") && tls.out().contains("TLS session"), tls.out());

        String nxdomain = dig("A", "nobody.alice.members.example.");
        assertTrue(nxdomain.contains("status: NXDOMAIN"), nxdomain);
        assertTrue(nxdomain.contains("AUTHORITY SECTION") && nxdomain.contains("SOA"), nxdomain);
        String nodata = dig("TXT", "alice.members.example.");
        assertTrue(nodata.contains("status: NOERROR") && nodata.contains("ANSWER: 0") && nodata.contains("AUTHORITY: 1"), nodata);
        String srv = dig("+short", "SRV", "_dns-update-tls._tcp.alice.members.example.");
        assertTrue(srv.strip().endsWith(server.tlsPort + " ns.members.example."), srv);
    }

    @Test
    void nsupdateWithSha256AndMd5AddsAndDeletes() throws Exception {
        Tool.Result add = nsupdate("hmac-sha256", "alice", "update add laptop.alice.members.example. 120 AAAA fd00::1");
        assertEquals(0, add.exit(), add.out());
        assertTrue(dig("+short", "AAAA", "laptop.alice.members.example.").contains("fd00::1"));
        Tool.Result md5 = nsupdate("hmac-md5", "alice", "update add desk.alice.members.example. 120 TXT \"model=old\"");
        assertEquals(0, md5.exit(), md5.out());
        assertTrue(dig("+short", "TXT", "desk.alice.members.example.").contains("model=old"));
        Tool.Result delete = nsupdate("hmac-md5", "alice", "update delete laptop.alice.members.example. AAAA");
        assertEquals(0, delete.exit(), delete.out());
        assertTrue(dig("AAAA", "laptop.alice.members.example.").contains("status: NXDOMAIN"));
    }

    @Test
    void wrongKeyTamperedMessageAndStaleTimeAreRefusedAsTheRfcSays() throws Exception {
        Tool.Result badKey = Tool.run(script("update add x.alice.members.example. 60 A 192.0.2.1"), "nsupdate", "-y",
                "hmac-sha256:mallory.members.example.:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertTrue(badKey.out().contains("BADKEY"), badKey.out());
        Tool.Result badSig = Tool.run(script("update add x.alice.members.example. 60 A 192.0.2.1"), "nsupdate", "-y",
                "hmac-sha256:alice.members.example.:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertTrue(badSig.out().contains("BADSIG"), badSig.out());

        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        Update stale = new Update(Name.fromString("alice.members.example."));
        stale.add(Name.fromString("x.alice.members.example."), Type.A, 60, "192.0.2.1");
        Message response = sendSigned(stale, tsig("alice", anHourAgo));
        TSIGRecord tsig = response.getTSIG();
        assertEquals(Rcode.NOTAUTH, response.getRcode());
        assertEquals(Rcode.BADTIME, tsig.getError());
        assertTrue(dig("A", "x.alice.members.example.").contains("status: NXDOMAIN"), "nothing was added");
    }

    @Test
    void anotherUsersZoneIsRefused() throws Exception {
        Tool.Result cross = Tool.run("server 127.0.0.1 " + server.dnsPort + "\nzone bob.members.example.\n"
                + "update add evil.bob.members.example. 60 A 192.0.2.66\nsend\n", "nsupdate", "-y", RendezvousServer.toolKey("hmac-sha256", "alice"));
        assertTrue(cross.out().contains("REFUSED"), cross.out());
        assertTrue(dig("A", "evil.bob.members.example.").contains("status: NXDOMAIN"));
    }

    @Test
    void unsignedUpdateIsRefused() throws Exception {
        Tool.Result unsigned = Tool.run(script("update add u.alice.members.example. 60 A 192.0.2.9"), "nsupdate");
        assertTrue(unsigned.out().contains("REFUSED"), unsigned.out());
    }

    @Test
    void zoneTransferNeedsTheZonesKey() throws Exception {
        nsupdate("hmac-sha256", "alice", "update add axfr-probe.alice.members.example. 120 A 192.0.2.7");
        Tool.Result signed = Tool.run(null, "dig", "@127.0.0.1", "-p", Integer.toString(server.dnsPort), "-y",
                RendezvousServer.toolKey("hmac-sha256", "alice"), "AXFR", "alice.members.example.");
        assertTrue(signed.out().contains("axfr-probe.alice.members.example.") && signed.out().contains("XFR size"), signed.out());
        Tool.Result unsigned = Tool.run(null, "dig", "@127.0.0.1", "-p", Integer.toString(server.dnsPort), "AXFR", "alice.members.example.");
        assertTrue(unsigned.out().contains("Transfer failed"), unsigned.out());
        assertFalse(unsigned.out().contains("axfr-probe"), unsigned.out());
    }

    @Test
    void aShortLeaseRunsOutAndARefreshedOneDoesNot() throws Exception {
        Name expiring = Name.fromString("expiring.alice.members.example.");
        Name refreshed = Name.fromString("refreshed.alice.members.example.");
        assertEquals(Rcode.NOERROR, sendSigned(leasedUpdate(expiring, LEASE_MIN_SECONDS), tsig("alice", Clock.systemUTC())).getRcode());
        long until = System.currentTimeMillis() + (LEASE_MIN_SECONDS + 3) * 1000;
        while (System.currentTimeMillis() < until) {
            assertEquals(Rcode.NOERROR, sendSigned(leasedUpdate(refreshed, LEASE_MIN_SECONDS), tsig("alice", Clock.systemUTC())).getRcode());
            Thread.sleep(1000);
        }
        assertTrue(dig("AAAA", "expiring.alice.members.example.").contains("status: NXDOMAIN"), "the lease ran out");
        String kept = dig("AAAA", "refreshed.alice.members.example.");
        assertTrue(kept.contains("ANSWER: 1,"), "refreshed, and not duplicated: " + kept);
    }

    @Test
    void malformedPacketsLeaveTheServerAnswering() throws Exception {
        Random random = new Random(42);
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] valid = Message.newQuery(Record.newRecord(Name.fromString("alice.members.example."), Type.SOA, DClass.IN)).toWire();
            for (int i = 0; i < 300; i++) {
                byte[] packet = switch (i % 4) {
                    case 0 -> new byte[random.nextInt(600)];
                    case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
                    case 2 -> compressionLoop();
                    default -> {
                        byte[] b = valid.clone();
                        b[2] = (byte) (random.nextInt(16) << 3);
                        yield b;
                    }
                };
                random.nextBytes(i % 4 == 0 ? packet : new byte[0]);
                udp.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), server.dnsPort));
            }
        }
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), server.dnsPort)) {
            tcp.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2, 3});
            tcp.getOutputStream().flush();
        }
        String after = dig("SOA", "alice.members.example.");
        assertTrue(after.contains("status: NOERROR"), after);
    }

    private static byte[] compressionLoop() {
        // A header with one question whose name is a pointer to itself (RFC 1035 §4.1.4 abuse).
        return new byte[] {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12, 0, 1, 0, 1};
    }

    private Update leasedUpdate(Name name, long leaseSeconds) throws Exception {
        Update update = new Update(Name.fromString("alice.members.example."));
        update.add(new AAAARecord(name, DClass.IN, 120, InetAddress.getByName("fd00::99")));
        byte[] lease = java.nio.ByteBuffer.allocate(4).putInt((int) leaseSeconds).array();
        update.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(2, lease))), Section.ADDITIONAL);
        return update;
    }

    private Message sendSigned(Message message, TSIG tsig) throws Exception {
        SimpleResolver resolver = server.resolver();
        resolver.setTCP(true);
        resolver.setTSIGKey(tsig);
        return resolver.send(message);
    }

    private static TSIG tsig(String user, Clock clock) throws Exception {
        return new TSIG(TSIG.HMAC_SHA256, Name.fromString(RendezvousServer.zone(user)),
                new SecretKeySpec(RendezvousServer.key(user).secret(), "HmacSHA256"), clock);
    }

    private String dig(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(server.dnsPort)));
        command.addAll(List.of(args));
        return Tool.run(null, command.toArray(new String[0])).out();
    }

    private Tool.Result nsupdate(String algorithm, String user, String update) throws Exception {
        return Tool.run(script(update), "nsupdate", "-y", RendezvousServer.toolKey(algorithm, user));
    }

    private String script(String update) {
        return "server 127.0.0.1 " + server.dnsPort + "\nzone alice.members.example.\n" + update + "\nsend\n";
    }
}
