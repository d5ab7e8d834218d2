package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.testing.MitKdc;
import io.homeward.kerberos.internal.testing.MitTools;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.store.KeytabEntry;
import io.homeward.kerberos.internal.store.Keytabs;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/**
 * The client against MIT's {@code krb5kdc} 1.20 (skipped where it is not installed): a throw-away realm on 127.0.0.1
 * with PKINIT holding {@code home}'s host certificate (the two settings docs/kerberos.md names for our certificates:
 * {@code certauth} without {@code pkinit_san}, {@code alice} mapped by {@code pkinit_cert_match}), and a service
 * principal made with {@code kadmin.local}. The client gets a ticket-granting ticket with PKINIT (MODP group 14: MIT
 * 1.20 has no ECDH), then a ticket for {@code HTTP/home...}, which must decrypt under the key {@code ktadd} wrote;
 * the SPNEGO token made with it is accepted by the JDK's own acceptor with that keytab.
 */
class MitKdcClientTest {
    private static final String HOST = TestKdc.HOST;
    private static final String REALM = TestKdc.REALM;
    private static final String SERVICE = "HTTP/" + HOST;
    private static final int ROUNDS = 5;

    @TempDir
    Path work;
    private MitKdc kdc;

    @AfterEach
    void stopTheKdc() throws InterruptedException {
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void mitsKdcIssuesATgtAndAServiceTicketToOurClient() throws Exception {
        MitTools.assumeInstalled(MitTools.KRB5KDC, MitTools.KADMIN_LOCAL, MitTools.PKINIT);
        Instant now = Instant.now();
        TestAccountCa ca = TestAccountCa.create("members.example", now);
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, now);
        kdc = MitKdc.start(work, REALM, ca, home,
                List.of("max_life = 10h", "supported_enctypes = aes256-cts-hmac-sha384-192:normal aes256-cts-hmac-sha1-96:normal"),
                List.of("addprinc -randkey " + SERVICE, "ktadd -k " + work.resolve("http.keytab") + " -norandkey " + SERVICE));
        int port = kdc.port();

        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        KerberosCipher cipher = new KerberosCipher(random);
        KdcTransport transport = new TcpKdcTransport(host -> InetAddress.getLoopbackAddress(), port,
                Duration.ofSeconds(10));
        AsExchange as = new AsExchange(transport, cipher, certificate -> false, KeyAgreementGroup.MODP_2048, clock,
                random);
        TgsExchange tgs = new TgsExchange(transport, cipher, clock, random);
        ClientIdentity identity = new ClientIdentity(laptop.credential(),
                Set.of(new TrustAnchor(ca.certificate, null)), TestAccountCa.ZONE);

        List<Long> asMicros = new ArrayList<>();
        List<Long> tgsMicros = new ArrayList<>();
        ClientTicket tgt = null;
        ClientTicket ticket = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            tgt = as.ticketGrantingTicket(identity, HOST);
            long between = System.nanoTime();
            ticket = tgs.serviceTicket(tgt, "HTTP", HOST);
            asMicros.add((between - start) / 1000);
            tgsMicros.add((System.nanoTime() - between) / 1000);
        }
        System.out.printf(Locale.ROOT, "MIT krb5kdc 1.20, our client over TCP on 127.0.0.1: AS exchange with PKINIT"
                + " (MODP group 14) %s µs, TGS exchange %s µs; service ticket in etype %d, session key %s%n",
                asMicros, tgsMicros, ticket.ticket().encPart().etype(), ticket.held().encryption());

        assertEquals("alice@" + REALM, tgt.client());
        assertEquals("krbtgt/" + REALM + "@" + REALM, tgt.server());
        assertEquals(SERVICE + "@" + REALM, ticket.server());
        assertTrue(ticket.end().isAfter(now.plus(Duration.ofHours(9))), "about 10 hours: " + ticket.end());

        EncTicketPart part = decryptWithKeytab(cipher, ticket);
        assertArrayEquals(ticket.sessionKey().value(), part.key().keyValue(), "the session key MIT sealed");
        assertEquals(List.of("alice"), part.cname().components());
        assertEquals(REALM, part.crealm());

        ServiceTicketClient client = new ServiceTicketClient(as, tgs, new NegotiateTokens(cipher, clock, random),
                new TicketCache(8, Duration.ofMinutes(5), clock), new ManualScheduler(new MutableClock()),
                () -> Optional.of(identity), new RecordingLogger().logger());
        ServiceTicketClient.Obtained obtained = client.obtain("HTTP", HOST).getValue();
        assertTrue(obtained.source().contains("AS exchange with PKINIT"), obtained.source());
        decryptWithKeytab(cipher, obtained.ticket());

        byte[] token = client.negotiateToken("HTTP", HOST).getValue();
        assertEquals("alice@" + REALM, JdkAcceptor.accept(token, SERVICE + "@" + REALM, work.resolve("http.keytab"),
                kdc.krb5Conf()), "the JDK's SPNEGO acceptor takes our token for MIT's ticket");
    }

    /** The ticket's EncTicketPart under the service key of its type from the keytab kadmin.local's ktadd wrote. */
    private EncTicketPart decryptWithKeytab(KerberosCipher cipher, ClientTicket ticket) throws Exception {
        int etype = ticket.ticket().encPart().etype();
        KeytabEntry entry = Keytabs.read(Files.readAllBytes(work.resolve("http.keytab"))).stream()
                .filter(candidate -> candidate.enctype() == etype).findFirst()
                .orElseThrow(() -> new AssertionError("no key of type " + etype + " in the keytab"));
        assertEquals(SERVICE + "@" + REALM, entry.principal());
        KerberosKey key = KerberosKey.of(EncryptionType.of(etype).orElseThrow(), entry.key());
        return EncTicketPart.decode(cipher.decrypt(key, KeyUsage.TICKET, ticket.ticket().encPart().cipher()));
    }
}
