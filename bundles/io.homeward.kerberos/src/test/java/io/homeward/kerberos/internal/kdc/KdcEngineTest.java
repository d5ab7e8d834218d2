package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.net.KdcRequest;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.Krb5PrincipalName;
import io.homeward.kerberos.internal.pkinit.PkinitAsRequest;
import io.homeward.kerberos.internal.pkinit.PkinitClient;
import io.homeward.kerberos.internal.pkinit.PkinitClientRequest;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.PkinitKdf;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.store.PrincipalKeys;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncKdcRepPart;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcOptions;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** The engine end to end in memory: this bundle's PKINIT client gets a TGT, then service tickets; and every refusal. */
class KdcEngineTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final List<String> HTTP = List.of("HTTP", "home.alice.members.example");
    private static final List<Integer> ETYPES = List.of(20, 18);
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 41000);

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();
    private final SecureRandom random = new SecureRandom();
    private final KerberosCipher cipher = new KerberosCipher(random);
    private final RecordingLogger log = new RecordingLogger();
    private final KdcCounters counters = new KdcCounters();
    private TestAccountCa ca;
    private TestAccountCa.Host laptop;
    private PrincipalKeyStore store;
    private KdcEngine engine;
    private long nonce = 7;

    @BeforeEach
    void kdc() throws Exception {
        ca = TestAccountCa.create("members.example", clock.instant());
        laptop = ca.host("laptop", TestAccountCa.ZONE, clock.instant());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, clock.instant());
        store = PrincipalKeyStore.open(directory, REALM, random, clock);
        store.register(HTTP);
        ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, REALM);
        PkinitKdc pkinit = new PkinitKdc(home.credential(), anchors(), certificate -> false, mapping, clock, random);
        engine = new KdcEngine(store, mapping.user(), pkinit, new ReplayCache(clock, Duration.ofMinutes(5), 1000,
                log.logger()), TicketPolicy.DEFAULTS, counters, clock, random, log.logger());
    }

    @Test
    void issuesATenHourTgtForTheUsersCertificate() throws Exception {
        Tgt tgt = tgt(laptop, List.of(PkinitKdf.SHA256));

        assertEquals(clock.instant().plus(Duration.ofHours(10)), tgt.part().endtime());
        assertEquals(nonce, tgt.part().nonce());
        assertTrue(tgt.part().flags().has(TicketFlags.INITIAL) && tgt.part().flags().has(TicketFlags.PRE_AUTHENT));
        assertFalse(tgt.part().flags().has(TicketFlags.RENEWABLE));
        assertEquals(EncKdcRepPart.ENC_AS_REP_PART, tgt.part().applicationTag());
        assertEquals(20, tgt.part().key().keyType(), "the client's first etype");
        EncTicketPart sealed = EncTicketPart.decode(cipher.decrypt(key(store.ticketGranting(), 20), KeyUsage.TICKET,
                tgt.ticket().encPart().cipher()));
        assertEquals(List.of("alice"), sealed.cname().components());
        assertArrayEquals(tgt.part().key().keyValue(), sealed.key().keyValue());
        assertEquals(1, counters.status(REALM, List.of(), List.of()).asIssued());
        assertTrue(log.has(LogLevel.INFO, "KDC issued a TGT for alice@" + REALM));
    }

    @Test
    void endsTheTgtWithTheCertificateOrTheRequestIfSooner() throws Exception {
        Instant till = clock.instant().plus(Duration.ofHours(2));
        assertEquals(till, tgt(laptop, List.of(), till).part().endtime());
        Instant notAfter = clock.instant().plus(Duration.ofHours(3));
        TestAccountCa.Host shortLived = ca.host("laptop." + TestAccountCa.ZONE, TestAccountCa.ZONE,
                TestAccountCa.HOST_PURPOSES, true, clock.instant().minus(Duration.ofDays(1)), notAfter);
        assertEquals(notAfter, tgt(shortLived, List.of()).part().endtime());
    }

    @Test
    void issuesAServiceTicketSealedInTheServiceKeyAndTheReplyInTheSubkey() throws Exception {
        Tgt tgt = tgt(laptop, List.of());
        clock.advance(Duration.ofMinutes(1));
        KerberosKey subkey = cipher.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);

        KdcRep reply = (KdcRep) KerberosMessage.decode(answer(tgsReq(tgt, PrincipalName.of(
                PrincipalName.NT_SRV_HST, "HTTP", "Home.Alice.Members.Example"), Optional.of(subkey), clock.instant())));

        EncKdcRepPart part = EncKdcRepPart.decode(cipher.decrypt(subkey, KeyUsage.TGS_REP_ENC_PART_SUBKEY,
                reply.encPart().cipher()));
        assertEquals(HTTP, part.sname().components(), "named as registered");
        assertEquals(tgt.part().endtime(), part.endtime(), "no later than the TGT");
        EncTicketPart ticket = EncTicketPart.decode(cipher.decrypt(key(store.find(HTTP).orElseThrow(),
                reply.ticket().encPart().etype()), KeyUsage.TICKET, reply.ticket().encPart().cipher()));
        assertEquals("alice", ticket.cname().toString());
        assertArrayEquals(part.key().keyValue(), ticket.key().keyValue());
        assertFalse(ticket.flags().has(TicketFlags.INITIAL));
        assertEquals(1, counters.status(REALM, List.of(), List.of()).tgsIssued());
    }

    @Test
    void sealsTheReplyInTheSessionKeyWithoutSubkey() throws Exception {
        Tgt tgt = tgt(laptop, List.of());
        KdcRep reply = (KdcRep) KerberosMessage.decode(answer(tgsReq(tgt, PrincipalName.of(
                PrincipalName.NT_SRV_HST, HTTP.get(0), HTTP.get(1)), Optional.empty(), clock.instant())));
        EncKdcRepPart part = EncKdcRepPart.decode(cipher.decrypt(tgt.session(),
                KeyUsage.TGS_REP_ENC_PART_SESSION_KEY, reply.encPart().cipher()));
        assertEquals(EncKdcRepPart.ENC_TGS_REP_PART, part.applicationTag());
    }

    @Test
    void asksForPkinitListingIt() throws Exception {
        KdcReqBody body = asBody("alice", clock.instant().plus(Duration.ofDays(1)), ETYPES);
        KrbError error = error(engine.handle(request(KdcReq.of(KerberosMessage.AS_REQ, List.of(), body).encode())),
                ErrorCodes.KDC_ERR_PREAUTH_REQUIRED);
        assertEquals(List.of(PaData.PA_PK_AS_REQ), error.methodData().stream().map(PaData::type).toList());
        assertEquals(Optional.of("alice"), error.cname().map(PrincipalName::toString));
    }

    @Test
    void refusesAnotherUsersCertificateAnotherCaAndUnknownNames() throws Exception {
        asError(ca.host("laptop", "bob.members.example", clock.instant()), "alice", ETYPES,
                ErrorCodes.KDC_ERR_CLIENT_NAME_MISMATCH);
        asError(TestAccountCa.create("members.example", clock.instant()).host("laptop", TestAccountCa.ZONE,
                clock.instant()), "alice", ETYPES, ErrorCodes.KDC_ERR_CANT_VERIFY_CERTIFICATE);
        asError(laptop, "bob", ETYPES, ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN);
        asError(laptop, "alice", List.of(17, 23), ErrorCodes.KDC_ERR_ETYPE_NOSUPP);

        Map<Integer, Long> byCode = counters.status(REALM, List.of(), List.of()).errorsByCode();
        assertEquals(Map.of(75, 1L, 70, 1L, 6, 1L, 14, 1L), byCode);
        assertEquals(4, log.count(LogLevel.INFO, "KDC refused AS-REQ for "));
        assertTrue(log.has(LogLevel.INFO, "KRB-ERROR 75"));
    }

    @Test
    void refusesAnUnknownServiceAReplayASkewedClockAndAnExpiredTgt() throws Exception {
        Tgt tgt = tgt(laptop, List.of());
        error(answer(tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST, "cifs", HTTP.get(1)),
                Optional.empty(), clock.instant())), ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN);

        byte[] once = tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST, HTTP.get(0), HTTP.get(1)),
                Optional.empty(), clock.instant());
        assertInstanceOf(KdcRep.class, KerberosMessage.decode(engine.handle(request(once))));
        error(engine.handle(request(once)), ErrorCodes.KRB_AP_ERR_REPEAT);

        error(answer(tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST, HTTP.get(0), HTTP.get(1)),
                Optional.empty(), clock.instant().minus(Duration.ofMinutes(10)))), ErrorCodes.KRB_AP_ERR_SKEW);

        clock.advance(Duration.ofHours(10).plusMinutes(6));
        error(answer(tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST, HTTP.get(0), HTTP.get(1)),
                Optional.empty(), clock.instant())), ErrorCodes.KRB_AP_ERR_TKT_EXPIRED);
    }

    @Test
    void refusesAnAlteredBodyAndAForgedTicket() throws Exception {
        Tgt tgt = tgt(laptop, List.of());
        KdcReq honest = (KdcReq) KerberosMessage.decode(tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST,
                HTTP.get(0), HTTP.get(1)), Optional.empty(), clock.instant()));
        KdcReqBody altered = new KdcReqBody(honest.body().kdcOptions(), Optional.empty(), REALM,
                honest.body().sname(), Optional.empty(), honest.body().till().plus(Duration.ofDays(1)),
                Optional.empty(), honest.body().nonce(), ETYPES, List.of(), Optional.empty(), List.of());
        error(engine.handle(request(KdcReq.of(KerberosMessage.TGS_REQ, honest.padata(), altered).encode())),
                ErrorCodes.KRB_AP_ERR_MODIFIED);

        EncryptedData forged = new EncryptedData(20, OptionalLong.of(1), cipher.encrypt(
                cipher.randomKey(EncryptionType.AES256_CTS_HMAC_SHA384_192), KeyUsage.TICKET, new byte[40]));
        Tgt forgedTgt = new Tgt(tgt.part(), new Ticket(REALM, tgt.ticket().sname(), forged), tgt.session());
        error(answer(tgsReq(forgedTgt, PrincipalName.of(PrincipalName.NT_SRV_HST, HTTP.get(0), HTTP.get(1)),
                Optional.empty(), clock.instant())), ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY);
    }

    @Test
    void answersGarbageAndOtherMessagesWithTheDecodersCode() throws Exception {
        error(engine.handle(request(new byte[] {0x6a, 0x03, 0x02, 0x01, 0x05})), ErrorCodes.KRB_ERR_GENERIC);
        error(engine.handle(request(new byte[] {0x30, 0x00})), ErrorCodes.KRB_AP_ERR_MSG_TYPE);
        Tgt tgt = tgt(laptop, List.of());
        ApReq apReq = new ApReq(KerberosFlags.NONE, tgt.ticket(), new EncryptedData(18, OptionalLong.empty(),
                new byte[48]));
        error(engine.handle(request(apReq.encode())), ErrorCodes.KRB_AP_ERR_MSG_TYPE);
        error(engine.responseTooBig(request(new byte[0])), ErrorCodes.KRB_ERR_RESPONSE_TOO_BIG);
        error(engine.fieldTooLong(PEER), ErrorCodes.KRB_ERR_FIELD_TOOLONG);
    }

    @Test
    void renewsOnlyWhenConfiguredAndAsked() throws Exception {
        ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, REALM);
        engine = new KdcEngine(store, mapping.user(), new PkinitKdc(ca.host("home", TestAccountCa.ZONE,
                clock.instant()).credential(), anchors(), certificate -> false, mapping, clock, random),
                new ReplayCache(clock, Duration.ofMinutes(5), 1000, log.logger()), new TicketPolicy(
                        Duration.ofHours(10), Duration.ofDays(7), Duration.ofMinutes(5)), counters, clock, random,
                log.logger());
        Tgt tgt = tgt(laptop, List.of(), clock.instant().plus(Duration.ofDays(1)),
                KerberosFlags.of(KdcOptions.RENEWABLE), Optional.of(clock.instant().plus(Duration.ofDays(2))));
        assertTrue(tgt.part().flags().has(TicketFlags.RENEWABLE));
        assertEquals(Optional.of(clock.instant().plus(Duration.ofDays(2))), tgt.part().renewTill());

        clock.advance(Duration.ofHours(9));
        KdcRep renewed = (KdcRep) KerberosMessage.decode(answer(tgsReq(tgt, KerberosFlags.of(
                KdcOptions.RENEW), PrincipalName.ticketGrantingService(REALM), Optional.empty(), clock.instant())));
        EncKdcRepPart part = EncKdcRepPart.decode(cipher.decrypt(tgt.session(),
                KeyUsage.TGS_REP_ENC_PART_SESSION_KEY, renewed.encPart().cipher()));
        assertEquals(clock.instant().plus(Duration.ofHours(10)), part.endtime());
    }

    @Test
    void answersEveryMutatedRequestWithAReplyOrAKrbError() throws Exception {
        Tgt tgt = tgt(laptop, List.of());
        KdcReqBody body = asBody("alice", clock.instant().plus(Duration.ofDays(1)), ETYPES);
        PkinitClientRequest pkinit = new PkinitClient(laptop.credential(), anchors(), certificate -> false, clock,
                random).request(body.encode(), body.nonce(), KeyAgreementGroup.P_256, List.of(), false);
        List<byte[]> valid = List.of(KdcReq.of(KerberosMessage.AS_REQ, List.of(new PaData(PaData.PA_PK_AS_REQ,
                pkinit.paPkAsReq())), body).encode(), tgsReq(tgt, PrincipalName.of(PrincipalName.NT_SRV_HST,
                HTTP.get(0), HTTP.get(1)), Optional.empty(), clock.instant()));
        Random mutations = new Random(17);
        for (byte[] original : valid) {
            for (int i = 0; i < 1000; i++) {
                byte[] mutated = original.clone();
                switch (i % 3) {
                    case 0 -> mutated[mutations.nextInt(mutated.length)] ^= (byte) (1 << mutations.nextInt(8));
                    case 1 -> mutated = Arrays.copyOf(mutated, mutations.nextInt(mutated.length));
                    default -> {
                        for (int j = 0; j < 4; j++) {
                            mutated[mutations.nextInt(mutated.length)] = (byte) mutations.nextInt(256);
                        }
                    }
                }
                KerberosMessage answer = KerberosMessage.decode(answer(mutated));
                assertTrue(answer instanceof KrbError || answer instanceof KdcRep, answer.toString());
            }
        }
    }

    private record Tgt(EncKdcRepPart part, Ticket ticket, KerberosKey session) {
    }

    private Tgt tgt(TestAccountCa.Host host, List<PkinitKdf> kdfs) throws Exception {
        return tgt(host, kdfs, clock.instant().plus(Duration.ofDays(1)));
    }

    private Tgt tgt(TestAccountCa.Host host, List<PkinitKdf> kdfs, Instant till) throws Exception {
        return tgt(host, kdfs, till, KerberosFlags.NONE, Optional.empty());
    }

    private Tgt tgt(TestAccountCa.Host host, List<PkinitKdf> kdfs, Instant till, KerberosFlags options,
            Optional<Instant> rtime) throws Exception {
        KdcReqBody body = new KdcReqBody(options, Optional.of(PrincipalName.of(PrincipalName.NT_PRINCIPAL,
                "alice")), REALM, Optional.of(PrincipalName.ticketGrantingService(REALM)), Optional.empty(), till,
                rtime, ++nonce, ETYPES, List.of(), Optional.empty(), List.of());
        PkinitClient client = new PkinitClient(host.credential(), anchors(), certificate -> false, clock, random);
        PkinitClientRequest pkinit = client.request(body.encode(), body.nonce(), KeyAgreementGroup.P_256, kdfs,
                false);
        byte[] asReq = KdcReq.of(KerberosMessage.AS_REQ, List.of(new PaData(PaData.PA_PK_AS_REQ,
                pkinit.paPkAsReq())), body).encode();

        KdcRep reply = (KdcRep) KerberosMessage.decode(engine.handle(request(asReq)));

        EncryptionType type = EncryptionType.of(reply.encPart().etype()).orElseThrow();
        byte[] replyKey = client.replyKey(pkinit, reply.padata(PaData.PA_PK_AS_REP).orElseThrow().value(),
                new PkinitAsRequest(body.encode(), body.nonce(), new Krb5PrincipalName(1, List.of("alice"), REALM),
                        Krb5PrincipalName.ticketGrantingService(REALM), asReq), type);
        EncKdcRepPart part = EncKdcRepPart.decode(cipher.decrypt(KerberosKey.of(type, replyKey),
                KeyUsage.AS_REP_ENC_PART, reply.encPart().cipher()));
        return new Tgt(part, reply.ticket(), KerberosKey.of(EncryptionType.of(part.key().keyType()).orElseThrow(),
                part.key().keyValue()));
    }

    private byte[] tgsReq(Tgt tgt, PrincipalName sname, Optional<KerberosKey> subkey, Instant ctime) {
        return tgsReq(tgt, KerberosFlags.NONE, sname, subkey, ctime);
    }

    private byte[] tgsReq(Tgt tgt, KerberosFlags options, PrincipalName sname, Optional<KerberosKey> subkey,
            Instant ctime) {
        KdcReqBody body = new KdcReqBody(options, Optional.empty(), REALM, Optional.of(sname), Optional.empty(),
                clock.instant().plus(Duration.ofDays(1)), Optional.empty(), ++nonce, ETYPES, List.of(),
                Optional.empty(), List.of());
        KerberosKey session = tgt.session();
        Checksum checksum = new Checksum(session.type().checksumType(), cipher.checksum(session,
                KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, body.encode()));
        Authenticator authenticator = new Authenticator(REALM, PrincipalName.of(PrincipalName.NT_PRINCIPAL,
                "alice"), Optional.of(checksum), (int) (nonce % 1_000_000), ctime,
                subkey.map(key -> new EncryptionKey(key.type().number(), key.value())), OptionalLong.empty(),
                List.of());
        ApReq apReq = new ApReq(KerberosFlags.NONE, tgt.ticket(), new EncryptedData(session.type().number(),
                OptionalLong.empty(), cipher.encrypt(session, KeyUsage.TGS_REQ_AUTHENTICATOR,
                        authenticator.encode())));
        return KdcReq.of(KerberosMessage.TGS_REQ, List.of(new PaData(PaData.PA_TGS_REQ, apReq.encode())), body)
                .encode();
    }

    private void asError(TestAccountCa.Host host, String user, List<Integer> etypes, int code) throws Exception {
        KdcReqBody body = asBody(user, clock.instant().plus(Duration.ofDays(1)), etypes);
        PkinitClient client = new PkinitClient(host.credential(), anchors(), certificate -> false, clock, random);
        PkinitClientRequest pkinit = client.request(body.encode(), body.nonce(), KeyAgreementGroup.MODP_2048,
                List.of(PkinitKdf.SHA256), false);
        error(engine.handle(request(KdcReq.of(KerberosMessage.AS_REQ, List.of(new PaData(PaData.PA_PK_AS_REQ,
                pkinit.paPkAsReq())), body).encode())), code);
    }

    private KdcReqBody asBody(String user, Instant till, List<Integer> etypes) {
        return new KdcReqBody(KerberosFlags.NONE, Optional.of(PrincipalName.of(PrincipalName.NT_PRINCIPAL, user)),
                REALM, Optional.of(PrincipalName.ticketGrantingService(REALM)), Optional.empty(), till,
                Optional.empty(), ++nonce, etypes, List.of(), Optional.empty(), List.of());
    }

    private static KrbError error(byte[] answer, int code) throws Exception {
        KrbError error = assertInstanceOf(KrbError.class, KerberosMessage.decode(answer));
        assertEquals(code, error.errorCode(), error.eText().orElse(""));
        assertEquals(REALM, error.realm());
        return error;
    }

    private byte[] answer(byte[] message) {
        return engine.handle(request(message));
    }

    private static KdcRequest request(byte[] message) {
        return new KdcRequest(message, PEER, KdcRequest.Transport.TCP);
    }

    private Set<TrustAnchor> anchors() {
        return Set.of(new TrustAnchor(ca.certificate, null));
    }

    private static KerberosKey key(PrincipalKeys keys, int etype) throws Exception {
        EncryptionType type = EncryptionType.of(etype).orElseThrow();
        return KerberosKey.of(type, keys.key(type));
    }
}
