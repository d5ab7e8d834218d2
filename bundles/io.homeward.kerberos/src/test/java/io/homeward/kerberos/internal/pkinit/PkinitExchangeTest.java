package io.homeward.kerberos.internal.pkinit;

import static io.homeward.kerberos.internal.pkinit.MitKinitRequestTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.DomainParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.testkit.MutableClock;

/** The client side against the KDC side: every group and key derivation, then every refusal of each side. */
class PkinitExchangeTest {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final long NONCE = 0x34a20a7aL;
    private static final EncryptionType AES256 = EncryptionType.AES256_CTS_HMAC_SHA1_96;

    private final MutableClock clock = new MutableClock();
    private final SecureRandom random = new SecureRandom();
    private TestAccountCa ca;
    private TestAccountCa.Host laptop;
    private TestAccountCa.Host home;

    @BeforeEach
    void accountCa() throws Exception {
        ca = TestAccountCa.create("members.example", clock.instant());
        laptop = ca.host("laptop", TestAccountCa.ZONE, clock.instant());
        home = ca.host("home", TestAccountCa.ZONE, clock.instant());
    }

    static Stream<Arguments> groupsAndDerivations() {
        return Stream.of(KeyAgreementGroup.values()).flatMap(group -> Stream.of(
                Arguments.of(group, List.of()), Arguments.of(group, List.of(PkinitKdf.SHA256)),
                Arguments.of(group, List.of(PkinitKdf.SHA1, PkinitKdf.SHA256)),
                Arguments.of(group, List.of(PkinitKdf.SHA512))));
    }

    @ParameterizedTest
    @MethodSource("groupsAndDerivations")
    void clientAndKdcAgreeOnTheReplyKey(KeyAgreementGroup group, List<PkinitKdf> kdfs) throws Exception {
        for (EncryptionType type : EncryptionType.values()) {
            Exchange exchange = exchange(group, kdfs, false);

            PkinitReply reply = kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), type);

            assertEquals("alice@" + REALM, reply.client().toString());
            assertEquals(group, reply.group());
            assertEquals(kdfs.stream().findFirst(), reply.kdf(), "the client's first choice");
            assertEquals(32, reply.replyKey().length);
            assertArrayEquals(reply.replyKey(), client(laptop).replyKey(exchange.request(), reply.paPkAsRep(),
                    exchange.asRequest(), type));
        }
    }

    @Test
    void withDhNoncesOctetString2KeyTakesBoth() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(), true);

        PkinitReply reply = kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256);

        assertEquals(32, DhRepInfo.decodePaPkAsRep(reply.paPkAsRep()).serverDhNonce().orElseThrow().length);
        assertArrayEquals(reply.replyKey(), client(laptop).replyKey(exchange.request(), reply.paPkAsRep(),
                exchange.asRequest(), AES256));
    }

    @Test
    void theKdcAnswersWithItsCertificateAndTheRequestNonce() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.MODP_2048, List.of(PkinitKdf.SHA256), false);

        DhRepInfo info = DhRepInfo.decodePaPkAsRep(kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256)
                .paPkAsRep());
        SignedContent signed = SignedContent.open(info.dhSignedData(), PkinitOids.DH_KEY_DATA, 65536);

        assertEquals(home.certificate(), signed.signer());
        assertEquals(NONCE, KdcDhKeyInfo.decode(signed.content()).nonce());
        assertEquals(Optional.of(PkinitKdf.SHA256.id()), info.kdf());
    }

    @Test
    void anUnknownKdfAloneIsRefused() throws Exception {
        Exchange exchange = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(
                new ASN1ObjectIdentifier("1.3.6.1.5.2.3.6.9")), NONCE, Optional.of(sha1(body(NONCE))),
                clock.instant()), laptop);

        assertRefused(PkinitError.NO_ACCEPTABLE_KDF, () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(),
                AES256));
    }

    // ---- the KDC's refusals

    @Test
    void withoutPaChecksum() throws Exception {
        Exchange exchange = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(), NONCE, Optional.empty(),
                clock.instant()), laptop);

        assertRefused(PkinitError.PA_CHECKSUM_MUST_BE_INCLUDED, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void aChecksumOfAnotherBody() throws Exception {
        Exchange exchange = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(), NONCE,
                Optional.of(sha1(body(NONCE + 1))), clock.instant()), laptop);

        assertRefused(PkinitError.MODIFIED, () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256));
    }

    @Test
    void anotherNonce() throws Exception {
        Exchange exchange = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(), NONCE + 1,
                Optional.of(sha1(body(NONCE))), clock.instant()), laptop);

        assertRefused(PkinitError.PREAUTH_FAILED, () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(),
                AES256));
    }

    @Test
    void aClockSixMinutesOffEitherWay() throws Exception {
        for (Duration offset : List.of(Duration.ofMinutes(6), Duration.ofMinutes(-6))) {
            Exchange exchange = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(), NONCE,
                    Optional.of(sha1(body(NONCE))), clock.instant().plus(offset)), laptop);

            assertRefused(PkinitError.SKEW, () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256));
        }
        Exchange withinSkew = signedExchange(authPack(KeyAgreementGroup.P_256, List.of(), NONCE,
                Optional.of(sha1(body(NONCE))), clock.instant().minus(Duration.ofMinutes(4))), laptop);
        kdc().answer(withinSkew.paPkAsReq(), withinSkew.asRequest(), AES256);
    }

    @Test
    void aCertificateOfAnotherCa() throws Exception {
        TestAccountCa other = TestAccountCa.create("members.example", clock.instant());
        Exchange exchange = exchange(other.host("laptop", TestAccountCa.ZONE, clock.instant()));

        assertRefused(PkinitError.CANT_VERIFY_CERTIFICATE, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void anExpiredCertificate() throws Exception {
        Instant now = clock.instant();
        Exchange exchange = exchange(ca.host("laptop." + TestAccountCa.ZONE, TestAccountCa.ZONE,
                TestAccountCa.HOST_PURPOSES, true, now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1))));

        assertRefused(PkinitError.INVALID_CERTIFICATE, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void aRevokedCertificate() throws Exception {
        Exchange exchange = exchange(laptop);
        X509Certificate revoked = laptop.certificate();

        assertRefused(PkinitError.REVOKED_CERTIFICATE, () -> kdc(revoked::equals).answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void anotherUsersCertificate() throws Exception {
        Exchange exchange = exchange(ca.host("laptop", "bob.members.example", clock.instant()));

        assertRefused(PkinitError.CLIENT_NAME_MISMATCH, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void aCertificateNamingNoHostOfTheZone() throws Exception {
        Exchange exchange = exchange(ca.host("a.b." + TestAccountCa.ZONE, TestAccountCa.ZONE,
                TestAccountCa.HOST_PURPOSES, true, clock.instant().minusSeconds(60), clock.instant().plusSeconds(60)));

        assertRefused(PkinitError.CLIENT_NAME_MISMATCH, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void anotherClientPrincipalThanTheCertificates() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(), false);
        PkinitAsRequest asBob = new PkinitAsRequest(exchange.asRequest().reqBody(), NONCE,
                new Krb5PrincipalName(Krb5PrincipalName.NT_PRINCIPAL, List.of("bob"), REALM),
                exchange.asRequest().server(), exchange.asRequest().asReq());

        assertRefused(PkinitError.CLIENT_NAME_MISMATCH, () -> kdc().answer(exchange.paPkAsReq(), asBob, AES256));
    }

    @Test
    void aCertificateWithoutAClientPurpose() throws Exception {
        Exchange exchange = exchange(ca.host("laptop." + TestAccountCa.ZONE, TestAccountCa.ZONE,
                List.of(KeyPurposeId.id_kp_serverAuth.toOID()), false, clock.instant().minusSeconds(60),
                clock.instant().plusSeconds(60)));

        assertRefused(PkinitError.INCONSISTENT_KEY_PURPOSE, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void aSignatureByAnotherKey() throws Exception {
        TestAccountCa.Host impostor = new TestAccountCa.Host(TestAccountCa.p256(), laptop.certificate());
        Exchange exchange = exchange(impostor);

        assertRefused(PkinitError.INVALID_SIG, () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(),
                AES256));
    }

    @Test
    void theWrongContentType() throws Exception {
        byte[] signed = SignedContent.sign(PkinitOids.DH_KEY_DATA, authPack(KeyAgreementGroup.P_256, List.of(),
                NONCE, Optional.of(sha1(body(NONCE))), clock.instant()).encoded(), laptop.credential());

        assertRefused(PkinitError.PREAUTH_FAILED, () -> kdc().answer(new PaPkAsReq(signed).encoded(),
                asRequest(new byte[0]), AES256));
    }

    @Test
    void aSmallerDhGroupGetsTheGroupsAccepted() throws Exception {
        DHParameters group2 = DHStandardGroups.rfc2409_1024;
        AuthPack pack = new AuthPack(authenticator(NONCE, Optional.of(sha1(body(NONCE))), clock.instant()),
                Optional.of(new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(
                                X9ObjectIdentifiers.dhpublicnumber,
                                new DomainParameters(group2.getP(), group2.getG(),
                                        group2.getQ(), null, null)),
                        new ASN1Integer(2))),
                List.of(), Optional.empty(), List.of());
        Exchange exchange = signedExchange(pack, laptop);

        PkinitException refusal = assertThrows(PkinitException.class,
                () -> kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256));

        assertEquals(65, refusal.errorCode());
        assertArrayEquals(KeyAgreementGroup.acceptedGroups(), refusal.eData().orElseThrow());
    }

    @Test
    void aDhValueOutsideTheGroup() throws Exception {
        for (BigInteger y : List.of(BigInteger.ONE, BigInteger.TWO.negate(),
                DHStandardGroups.rfc3526_2048.getP().subtract(
                        BigInteger.ONE))) {
            AuthPack pack = new AuthPack(authenticator(NONCE, Optional.of(sha1(body(NONCE))), clock.instant()),
                    Optional.of(KeyAgreementGroup.MODP_2048.subjectPublicKeyInfo(
                            Der.encode(new ASN1Integer(y)))),
                    List.of(), Optional.empty(), List.of());
            Exchange exchange = signedExchange(pack, laptop);

            assertRefused(PkinitError.PREAUTH_FAILED, () -> kdc().answer(exchange.paPkAsReq(),
                    exchange.asRequest(), AES256));
        }
    }

    @Test
    void withoutAPublicValueRsaModeIsNotOffered() throws Exception {
        Exchange exchange = signedExchange(new AuthPack(authenticator(NONCE, Optional.of(sha1(body(NONCE))),
                clock.instant()), Optional.empty(), List.of(), Optional.empty(), List.of()), laptop);

        assertRefused(PkinitError.PUBLIC_KEY_ENCRYPTION_NOT_SUPPORTED, () -> kdc().answer(exchange.paPkAsReq(),
                exchange.asRequest(), AES256));
    }

    @Test
    void anOversizedRequestIsNotRead() throws Exception {
        byte[] oversized = new byte[PaPkAsReq.MAX_LENGTH + 1];
        oversized[0] = 0x30;

        assertRefused(PkinitError.PREAUTH_FAILED, () -> kdc().answer(oversized, asRequest(new byte[0]), AES256));
    }

    @Test
    void mutatedRequestsAreRefusedNeverCrash() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(PkinitKdf.SHA256), false);
        byte[] original = exchange.paPkAsReq();
        Random mutations = new Random(4556);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = original.clone();
            for (int flips = 1 + mutations.nextInt(4); flips > 0; flips--) {
                mutated[mutations.nextInt(mutated.length)] = (byte) mutations.nextInt(256);
            }
            byte[] input = mutations.nextInt(10) == 0
                    ? Arrays.copyOf(mutated, mutations.nextInt(mutated.length)) : mutated;
            try {
                kdc().answer(input, exchange.asRequest(), AES256);
            } catch (PkinitException refused) {
                assertTrue(refused.errorCode() > 0);
            }
        }
    }

    // ---- the client's refusals

    @Test
    void aReplyOfAKdcOfAnotherCa() throws Exception {
        TestAccountCa other = TestAccountCa.create("members.example", clock.instant());
        assertClientRefuses(PkinitError.KDC_NOT_TRUSTED, other.host("home", TestAccountCa.ZONE, clock.instant()));
    }

    @Test
    void aReplySignedWithoutTheKdcName() throws Exception {
        assertClientRefuses(PkinitError.KDC_NAME_MISMATCH, ca.host("home." + TestAccountCa.ZONE,
                TestAccountCa.ZONE, TestAccountCa.HOST_PURPOSES, false, clock.instant().minusSeconds(60),
                clock.instant().plusSeconds(60)));
    }

    @Test
    void aReplyOfAnotherHostsKdc() throws Exception {
        assertClientRefuses(PkinitError.KDC_NAME_MISMATCH, ca.host("nas", TestAccountCa.ZONE, clock.instant()));
    }

    @Test
    void aReplySignedWithoutTheKdcPurpose() throws Exception {
        assertClientRefuses(PkinitError.INCONSISTENT_KEY_PURPOSE, ca.host("home." + TestAccountCa.ZONE,
                TestAccountCa.ZONE, TestAccountCa.HOST_PURPOSES.subList(0, 4), true, clock.instant().minusSeconds(60),
                clock.instant().plusSeconds(60)));
    }

    @Test
    void aReplyOfARevokedKdc() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(), false);
        PkinitReply reply = kdc().answer(exchange.paPkAsReq(), exchange.asRequest(), AES256);
        PkinitClient client = new PkinitClient(laptop.credential(), anchors(), home.certificate()::equals, clock,
                random);

        assertRefused(PkinitError.REVOKED_CERTIFICATE, () -> client.replyKey(exchange.request(), reply.paPkAsRep(),
                exchange.asRequest(), AES256));
    }

    @Test
    void aReplyForAnotherRequest() throws Exception {
        Exchange first = exchange(KeyAgreementGroup.P_256, List.of(), false);
        Exchange second = exchange(KeyAgreementGroup.P_256, List.of(), false, NONCE + 1);
        PkinitReply reply = kdc().answer(second.paPkAsReq(), second.asRequest(), AES256);

        assertRefused(PkinitError.PREAUTH_FAILED, () -> client(laptop).replyKey(first.request(), reply.paPkAsRep(),
                first.asRequest(), AES256));
    }

    @Test
    void aReplyWithAKdfNotOffered() throws Exception {
        Exchange offered = exchange(KeyAgreementGroup.P_256, List.of(), false);
        Exchange withKdf = exchange(KeyAgreementGroup.P_256, List.of(PkinitKdf.SHA512), false);
        PkinitReply reply = kdc().answer(withKdf.paPkAsReq(), withKdf.asRequest(), AES256);

        assertRefused(PkinitError.NO_ACCEPTABLE_KDF, () -> client(laptop).replyKey(offered.request(),
                reply.paPkAsRep(), offered.asRequest(), AES256));
    }

    @Test
    void aMalformedReply() throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(), false);

        assertRefused(PkinitError.PREAUTH_FAILED, () -> client(laptop).replyKey(exchange.request(),
                new byte[] {0x30, 0x00}, exchange.asRequest(), AES256));
    }

    private void assertClientRefuses(PkinitError error, TestAccountCa.Host kdcHost) throws Exception {
        Exchange exchange = exchange(KeyAgreementGroup.P_256, List.of(), false);
        PkinitKdc kdc = new PkinitKdc(kdcHost.credential(), Set.of(new TrustAnchor(ca.certificate, null)),
                certificate -> false, new ClientPrincipalMapping(TestAccountCa.ZONE, REALM), clock, random);
        PkinitReply reply = kdc.answer(exchange.paPkAsReq(), exchange.asRequest(), AES256);

        assertRefused(error, () -> client(laptop).replyKey(exchange.request(), reply.paPkAsRep(),
                exchange.asRequest(), AES256));
    }

    // ---- helpers

    private PkinitKdc kdc() {
        return kdc(certificate -> false);
    }

    private PkinitKdc kdc(Predicate<X509Certificate> revoked) {
        return new PkinitKdc(home.credential(), anchors(), revoked,
                new ClientPrincipalMapping(TestAccountCa.ZONE, REALM), clock, random);
    }

    private PkinitClient client(TestAccountCa.Host host) {
        return new PkinitClient(host.credential(), anchors(), certificate -> false, clock, random);
    }

    private Set<TrustAnchor> anchors() {
        return Set.of(new TrustAnchor(ca.certificate, null));
    }

    private Exchange exchange(KeyAgreementGroup group, List<PkinitKdf> kdfs, boolean dhNonce) throws Exception {
        return exchange(group, kdfs, dhNonce, NONCE);
    }

    private Exchange exchange(KeyAgreementGroup group, List<PkinitKdf> kdfs, boolean dhNonce, long nonce)
            throws Exception {
        byte[] body = body(nonce);
        PkinitClientRequest request = client(laptop).request(body, nonce, group, kdfs, dhNonce);
        return new Exchange(request, request.paPkAsReq(), asRequest(body, nonce, request.paPkAsReq()));
    }

    private Exchange exchange(TestAccountCa.Host host) throws Exception {
        byte[] body = body(NONCE);
        PkinitClientRequest request = client(host).request(body, NONCE, KeyAgreementGroup.P_256, List.of(), false);
        return new Exchange(request, request.paPkAsReq(), asRequest(body, NONCE, request.paPkAsReq()));
    }

    private Exchange signedExchange(AuthPack authPack, TestAccountCa.Host host) throws Exception {
        byte[] paPkAsReq = new PaPkAsReq(SignedContent.sign(PkinitOids.AUTH_DATA, authPack.encoded(),
                host.credential())).encoded();
        return new Exchange(null, paPkAsReq, asRequest(body(NONCE), NONCE, paPkAsReq));
    }

    private AuthPack authPack(KeyAgreementGroup group, List<ASN1ObjectIdentifier> kdfs, long nonce,
            Optional<byte[]> checksum, Instant ctime) {
        return new AuthPack(authenticator(nonce, checksum, ctime), Optional.of(group.subjectPublicKeyInfo(
                group.generate(random).publicValue())), List.of(), Optional.empty(), kdfs);
    }

    private static PkAuthenticator authenticator(long nonce, Optional<byte[]> checksum, Instant ctime) {
        return new PkAuthenticator(0, ctime, nonce, checksum, Optional.empty());
    }

    private PkinitAsRequest asRequest(byte[] paPkAsReq) throws Exception {
        return asRequest(body(NONCE), NONCE, paPkAsReq);
    }

    private static PkinitAsRequest asRequest(byte[] body, long nonce, byte[] paPkAsReq) throws Exception {
        return TestAsReq.decode(TestAsReq.encode(body, PaPkAsReq.PADATA_TYPE, paPkAsReq)).pkinit();
    }

    private static byte[] body(long nonce) {
        return TestAsReq.body("alice", REALM, nonce);
    }

    private static byte[] sha1(byte[] bytes) {
        return OctetString2Key.sha1().digest(bytes);
    }

    /** A client's request: its state (absent when signed by hand), the PA-PK-AS-REQ and the AS-REQ around it. */
    private record Exchange(PkinitClientRequest request, byte[] paPkAsReq, PkinitAsRequest asRequest) {
    }
}
