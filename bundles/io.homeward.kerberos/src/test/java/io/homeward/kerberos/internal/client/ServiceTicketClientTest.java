package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.util.promise.Promise;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.wire.ApOptions;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.GssChecksum;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.GssMechanisms;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.NegTokenInit;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.SpnegoToken;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class ServiceTicketClientTest {
    private static final String HOST = TestKdc.HOST;
    private static final String REALM = TestKdc.REALM;
    private static final String HTTP = "HTTP/" + HOST + "@" + REALM;
    private static final String KRBTGT = "krbtgt/" + REALM + "@" + REALM;

    private final MutableClock clock = new MutableClock();
    private final SecureRandom random = new SecureRandom();
    private final KerberosCipher cipher = new KerberosCipher(random);
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicBoolean signedIn = new AtomicBoolean(true);
    private TestAccountCa ca;
    private TestAccountCa.Host laptop;
    private TestKdc kdc;

    @BeforeEach
    void accountCaAndKdc() throws Exception {
        Instant now = clock.instant();
        ca = TestAccountCa.create("members.example", now);
        laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        kdc = new TestKdc(ca, ca.host("home", TestAccountCa.ZONE, now), clock);
    }

    private ServiceTicketClient client(Scheduler scheduler, KeyAgreementGroup group, TestAccountCa anchor,
            int capacity) {
        ClientIdentity identity = new ClientIdentity(laptop.credential(),
                Set.of(new TrustAnchor(anchor.certificate, null)), TestAccountCa.ZONE + ".");
        return new ServiceTicketClient(new AsExchange(kdc, cipher, certificate -> false, group, clock, random),
                new TgsExchange(kdc, cipher, clock, random), new NegotiateTokens(cipher, clock, random),
                new TicketCache(capacity, Duration.ofMinutes(5), clock), scheduler,
                () -> signedIn.get() ? Optional.of(identity) : Optional.empty(), log.logger());
    }

    private ServiceTicketClient client() {
        return client(new ManualScheduler(clock), KeyAgreementGroup.P_256, ca, 64);
    }

    /** The value; promise callbacks run on another thread, so this waits for it. */
    private static <T> T value(Promise<T> promise) throws Exception {
        Throwable failure = promise.getFailure();
        if (failure != null) {
            throw new AssertionError("failed: " + failure.getMessage(), failure);
        }
        return promise.getValue();
    }

    private static String failure(Promise<?> promise) throws Exception {
        Throwable failure = promise.getFailure();
        assertInstanceOf(TicketRequestException.class, failure);
        assertTrue(failure.getMessage().indexOf('\n') < 0, "one line: " + failure.getMessage());
        return failure.getMessage();
    }

    @Test
    void theAsExchangeWithPkinitThenTheTgsExchangeGiveAServiceTicket() throws Exception {
        for (KeyAgreementGroup group : List.of(KeyAgreementGroup.P_256, KeyAgreementGroup.MODP_2048)) {
            kdc.requests.clear();
            ServiceTicketClient client = client(new ManualScheduler(clock), group, ca, 64);

            ServiceTicketClient.Obtained obtained = value(client.obtain("HTTP", HOST));

            assertEquals(List.of(KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ), kdc.requests);
            assertTrue(obtained.source().contains("AS exchange with PKINIT"), obtained.source());
            ClientTicket ticket = obtained.ticket();
            assertEquals("alice@" + REALM, ticket.client());
            assertEquals(HTTP, ticket.server());
            assertEquals(clock.instant().plus(TestKdc.MAX_LIFE), ticket.end());
            EncTicketPart part = kdc.open(ticket.ticket());
            assertArrayEquals(part.key().keyValue(), ticket.sessionKey().value(), "the session key the KDC sealed");
            assertEquals(List.of("alice"), part.cname().components());
            List<String> servers = client.tickets().stream().map(HeldTicket::server).toList();
            assertEquals(List.of(HTTP, KRBTGT), servers);
            assertEquals("aes256-cts-hmac-sha384-192", client.tickets().get(0).encryption());
        }
    }

    @Test
    void aHeldTicketIsUsedUntilTheMarginBeforeItsEnd() throws Exception {
        ServiceTicketClient client = client();
        value(client.ticket("HTTP", HOST));
        clock.advance(TestKdc.MAX_LIFE.minus(Duration.ofMinutes(6)));
        ServiceTicketClient.Obtained cached = value(client.obtain("HTTP", HOST));
        assertEquals("from the cache", cached.source());
        assertEquals(2, kdc.requests.size());

        clock.advance(Duration.ofMinutes(2));
        value(client.ticket("HTTP", HOST));
        assertEquals(List.of(KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ, KerberosMessage.AS_REQ,
                KerberosMessage.TGS_REQ), kdc.requests, "the TGT ends within the margin too: a new one");

        clock.advance(TestKdc.MAX_LIFE.plusSeconds(1));
        assertEquals(List.of(), client.tickets(), "ended tickets are not listed");
    }

    @Test
    void theTicketGrantingTicketOfTheRealmServesTheNextService() throws Exception {
        ServiceTicketClient client = client();
        value(client.ticket("HTTP", HOST));
        ServiceTicketClient.Obtained host = value(client.obtain("host", HOST.toUpperCase() + "."));
        assertEquals(List.of(KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ, KerberosMessage.TGS_REQ), kdc.requests);
        assertTrue(host.source().contains("ticket-granting ticket from the cache"), host.source());
        assertEquals("host/" + HOST + "@" + REALM, host.ticket().server());
        assertEquals(3, client.tickets().size());
    }

    @Test
    void aRequestUnderWayIsJoinedNotRepeated() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Scheduler later = new Scheduler() {
            @Override
            public void execute(Runnable task) {
                queued.add(task);
            }

            @Override
            public Scheduled schedule(Runnable task, Duration delay) {
                throw new UnsupportedOperationException();
            }
        };
        ServiceTicketClient client = client(later, KeyAgreementGroup.P_256, ca, 64);
        Promise<ServiceTicketClient.Obtained> first = client.obtain("HTTP", HOST);
        Promise<ServiceTicketClient.Obtained> second = client.obtain("HTTP", HOST.toUpperCase());
        Promise<byte[]> token = client.negotiateToken("HTTP", HOST);
        assertSame(first, second);
        assertEquals(1, queued.size());

        queued.remove(0).run();

        assertSame(value(first), value(second));
        assertTrue(value(token).length > 0);
        assertEquals(List.of(KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ), kdc.requests);
        assertEquals("from the cache", value(client.obtain("HTTP", HOST)).source());
    }

    @Test
    void stoppingFailsTheRequestsUnderWay() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Scheduler later = new Scheduler() {
            @Override
            public void execute(Runnable task) {
                queued.add(task);
            }

            @Override
            public Scheduled schedule(Runnable task, Duration delay) {
                throw new UnsupportedOperationException();
            }
        };
        ServiceTicketClient client = client(later, KeyAgreementGroup.P_256, ca, 64);
        Promise<HeldTicket> pending = client.ticket("HTTP", HOST);
        client.close();
        assertTrue(failure(pending).contains("stopped"));
        queued.forEach(Runnable::run);
        assertTrue(failure(client.ticket("HTTP", HOST)).contains("stopping"));
    }

    @Test
    void theNegotiateTokenIsSpnegoWithAKerberosApReq() throws Exception {
        ServiceTicketClient client = client();
        byte[] token = value(client.negotiateToken("HTTP", HOST));

        NegTokenInit init = assertInstanceOf(NegTokenInit.class, SpnegoToken.decode(token));
        assertEquals(List.of(GssMechanisms.KERBEROS_V5), init.mechTypes());
        GssKerberosToken inner = GssKerberosToken.decode(init.mechToken().orElseThrow());
        assertEquals(GssKerberosToken.TOK_ID_AP_REQ, inner.tokenId());
        ApReq apReq = (ApReq) inner.message();
        assertTrue(apReq.apOptions().has(ApOptions.MUTUAL_REQUIRED));
        EncTicketPart ticket = kdc.open(apReq.ticket());
        KerberosKey session = KerberosKey.of(kdc.key(HTTP).type(), ticket.key().keyValue());
        Authenticator authenticator = Authenticator.decode(cipher.decrypt(session, KeyUsage.AP_REQ_AUTHENTICATOR,
                apReq.authenticator().cipher()));
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice"), authenticator.cname());
        assertEquals(REALM, authenticator.crealm());
        GssChecksum checksum = GssChecksum.from(authenticator.cksum().orElseThrow());
        assertTrue(checksum.has(GssChecksum.MUTUAL_FLAG) && checksum.has(GssChecksum.INTEG_FLAG)
                && checksum.has(GssChecksum.CONF_FLAG) && !checksum.has(GssChecksum.DELEG_FLAG));
        assertArrayEquals(new byte[16], checksum.bindings());
        assertTrue(authenticator.subkey().isPresent() && authenticator.seqNumber().isPresent());

        byte[] again = value(client.negotiateToken("HTTP", HOST));
        assertTrue(!Arrays.equals(token, again), "a new authenticator each time");
        assertEquals(2, kdc.requests.size());
    }

    @Test
    void aKrbErrorFailsWithItsCodeAndText() throws Exception {
        kdc.asError = ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN;
        String why = failure(client().ticket("HTTP", HOST));
        assertEquals("AS exchange with the KDC of " + HOST + ": KRB-ERROR 6 refused by the test", why);

        kdc.asError = 0;
        kdc.tgsError = ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN;
        ServiceTicketClient client = client();
        assertEquals("TGS exchange with the KDC of " + HOST + ": KRB-ERROR 7 refused by the test",
                failure(client.ticket("nosuch", HOST)));
        assertEquals(List.of(KRBTGT), client.tickets().stream().map(HeldTicket::server).toList(),
                "the TGT is kept");
    }

    @Test
    void aRefusedTgsExchangeWithAHeldTgtIsTriedOnceWithANewOne() throws Exception {
        ServiceTicketClient client = client();
        value(client.ticket("HTTP", HOST));
        kdc.newKeys();
        HeldTicket host = value(client.ticket("host", HOST));
        assertEquals("host/" + HOST + "@" + REALM, host.server());
        assertEquals(List.of(KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ, KerberosMessage.TGS_REQ,
                KerberosMessage.AS_REQ, KerberosMessage.TGS_REQ), kdc.requests);
        assertTrue(log.has(LogLevel.INFO, "KRB-ERROR 31"));
    }

    @Test
    void anUnreachableKdcSaysWhy() throws Exception {
        kdc.unreachable = new IOException("the KDC at [fd00::2]:88 did not answer within 10000 ms");
        assertEquals("AS exchange with the KDC of " + HOST + ": the KDC at [fd00::2]:88 did not answer within "
                + "10000 ms", failure(client().ticket("HTTP", HOST)));
        assertEquals("AS exchange with the KDC of other.alice.members.example: no KDC for "
                + "other.alice.members.example", failure(client().ticket("HTTP", "other.alice.members.example")));
    }

    @Test
    void repliesTheClientMustNotTrustAreRefused() throws Exception {
        kdc.wrongNonce = true;
        assertTrue(failure(client().ticket("HTTP", HOST)).contains("carries the nonce"));
        kdc.wrongNonce = false;

        kdc.wrongServer = true;
        assertTrue(failure(client().ticket("HTTP", HOST)).contains("the reply is for other/" + HOST));
        kdc.wrongServer = false;

        kdc.wrongReplyKey = true;
        String integrity = failure(client().ticket("HTTP", HOST));
        assertTrue(integrity.contains("integrity check"), integrity);
        kdc.wrongReplyKey = false;

        kdc.noPkAsRep = true;
        assertTrue(failure(client().ticket("HTTP", HOST)).contains("no PA-PK-AS-REP"));
        kdc.noPkAsRep = false;

        kdc.rawAnswer = new byte[] {0x30, 0x03, 0x02, 0x01, 0x05};
        assertTrue(failure(client().ticket("HTTP", HOST)).contains("unreadable answer"));
        kdc.rawAnswer = new KrbError(Optional.empty(), OptionalInt.empty(), clock.instant(), 0, 0,
                Optional.empty(), Optional.empty(), REALM, PrincipalName.ticketGrantingService(REALM),
                Optional.empty(), Optional.empty()).encode();
        assertEquals("AS exchange with the KDC of " + HOST + ": KRB-ERROR 0", failure(client().ticket("HTTP", HOST)));

        kdc.rawAnswer = HexFormat.of().parseHex(new String(getClass().getResourceAsStream(
                "/io/homeward/kerberos/internal/wire/mit/tgs-rep.hex").readAllBytes(), StandardCharsets.US_ASCII).strip());
        assertEquals("AS exchange with the KDC of " + HOST + ": answered with message type 13, not 11",
                failure(client().ticket("HTTP", HOST)));
        kdc.rawAnswer = null;
    }

    @Test
    void aKdcWithARevokedCertificateIsNotTrusted() throws Exception {
        ServiceTicketClient client = new ServiceTicketClient(
                new AsExchange(kdc, cipher, certificate -> true, KeyAgreementGroup.P_256, clock, random),
                new TgsExchange(kdc, cipher, clock, random), new NegotiateTokens(cipher, clock, random),
                new TicketCache(8, Duration.ofMinutes(5), clock), new ManualScheduler(clock),
                () -> Optional.of(new ClientIdentity(laptop.credential(),
                        Set.of(new TrustAnchor(ca.certificate, null)), TestAccountCa.ZONE)), log.logger());
        String why = failure(client.ticket("HTTP", HOST));
        assertTrue(why.contains("REVOKED_CERTIFICATE"), why);
        assertEquals(72, ((TicketRequestException) client.ticket("HTTP", HOST).getFailure()).errorCode().getAsInt());
    }

    @Test
    void aKdcCertifiedByAnotherCaIsNotTrusted() throws Exception {
        TestAccountCa other = TestAccountCa.create("members.example", clock.instant());
        String why = failure(client(new ManualScheduler(clock), KeyAgreementGroup.P_256, other, 64)
                .ticket("HTTP", HOST));
        assertTrue(why.startsWith("AS exchange with the KDC of " + HOST + ": the KDC's PKINIT reply is refused:"),
                why);
        assertTrue(why.contains("KDC_NOT_TRUSTED"), why);
    }

    @Test
    void withoutAHostCertificateNothingIsAsked() throws Exception {
        signedIn.set(false);
        assertTrue(failure(client().ticket("HTTP", HOST)).startsWith("sign-in: this host holds no host certificate"));
        assertEquals(List.of(), kdc.requests);
    }

    @Test
    void badNamesAreRefusedBeforeAnyExchange() throws Exception {
        ServiceTicketClient client = client();
        assertTrue(failure(client.ticket("HTTP", "home")).contains("not a fully qualified host name"));
        assertTrue(failure(client.ticket("HTTP", "ho_me.alice.members.example")).contains("letters, digits"));
        assertTrue(failure(client.ticket("HTTP", null)).contains("not a fully qualified"));
        assertTrue(failure(client.ticket("HT/TP", HOST)).contains("not a service name"));
        assertTrue(failure(client.ticket("", HOST)).contains("not a service name"));
        assertEquals(List.of(), kdc.requests);
    }
}
