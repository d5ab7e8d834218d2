package io.homeward.kerberos.internal.pkinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.testkit.MutableClock;

/**
 * The PKINIT AS-REQ MIT krb5 1.20's {@code kinit} sent with a host certificate of an account CA
 * ({@link MitKinitCapture}; resources {@code mit-*} beside this class): what it carries, and that this host's KDC
 * verifies it, agrees a key with it, and refuses it altered or from another CA.
 */
class MitKinitRequestTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";

    private TestAsReq request;
    private AuthPack authPack;
    private TestAccountCa ca;
    private MutableClock clock;

    @BeforeEach
    void capturedRequest() throws Exception {
        request = TestAsReq.decode(HexFormat.of().parseHex(resource("mit-1.20-pkinit-as-req.hex").strip()));
        byte[] signedAuthPack = PaPkAsReq.decode(request.padata(PaPkAsReq.PADATA_TYPE)).signedAuthPack();
        authPack = AuthPack.decode(SignedContent.open(signedAuthPack, PkinitOids.AUTH_DATA, 65536).content());
        ca = TestAccountCa.fromPem(resource("mit-ca.pem"), resource("mit-ca.key"));
        clock = new MutableClock(authPack.pkAuthenticator().ctime());
    }

    @Test
    void kinitSendsFiniteFieldDhInGroup14WithTheThreeKdfsAndAChecksum() throws Exception {
        PkAuthenticator authenticator = authPack.pkAuthenticator();
        assertEquals(request.nonce(), authenticator.nonce());
        assertArrayEquals(OctetString2Key.sha1().digest(request.reqBody()), authenticator.paChecksum().orElseThrow());
        assertTrue(authenticator.freshnessToken().isEmpty(), "no PA-AS-FRESHNESS was offered");
        assertEquals(KeyAgreementGroup.MODP_2048,
                KeyAgreementGroup.of(authPack.clientPublicValue().orElseThrow().getAlgorithm()));
        assertTrue(authPack.clientDhNonce().isEmpty());
        assertEquals(List.of(PkinitKdf.SHA256.id(), PkinitKdf.SHA1.id(), PkinitKdf.SHA512.id()),
                authPack.supportedKdfs());
        assertEquals(List.of("1.2.840.113549.3.7"),
                authPack.supportedCmsTypes().stream().map(AlgorithmIdentifier::getAlgorithm).map(Object::toString)
                        .toList(), "des-ede3-cbc, for the RSA mode's EnvelopedData");
        assertEquals(new Krb5PrincipalName(Krb5PrincipalName.NT_PRINCIPAL, List.of("alice"), REALM), request.client());
        assertEquals(Krb5PrincipalName.ticketGrantingService(REALM), request.server());
    }

    @Test
    void theKdcVerifiesItAndAgreesAKeyWithSha256() throws Exception {
        PkinitReply reply = kdc(Set.of(new TrustAnchor(ca.certificate, null)), certificate -> false)
                .answer(request.padata(PaPkAsReq.PADATA_TYPE), request.pkinit(),
                        EncryptionType.AES256_CTS_HMAC_SHA1_96);

        assertEquals("alice@" + REALM, reply.client().toString());
        assertEquals("CN=laptop.alice.members.example", reply.certificate().getSubjectX500Principal().getName());
        assertEquals(KeyAgreementGroup.MODP_2048, reply.group());
        assertEquals(Optional.of(PkinitKdf.SHA256), reply.kdf());
        assertEquals(32, reply.replyKey().length);
        DhRepInfo info = DhRepInfo.decodePaPkAsRep(reply.paPkAsRep());
        assertEquals(Optional.of(PkinitKdf.SHA256.id()), info.kdf());
        assertTrue(info.serverDhNonce().isEmpty(), "kinit sent no clientDHNonce");
        KdcDhKeyInfo keyInfo = KdcDhKeyInfo.decode(
                SignedContent.open(info.dhSignedData(), PkinitOids.DH_KEY_DATA, 65536).content());
        assertEquals(request.nonce(), keyInfo.nonce());
        KeyAgreementGroup.MODP_2048.peerPublicValue(keyInfo.subjectPublicKey());
    }

    @Test
    void aChangedBodyNoLongerMatchesThePaChecksum() throws Exception {
        byte[] body = request.reqBody();
        // the till time, a GeneralizedTime of 15 octets (tag 0x18): one second later
        int till = new String(body, StandardCharsets.ISO_8859_1).indexOf("\u0018\u000f");
        assertFalse(till < 0, "the body has a till time");
        body[till + 2 + 13]++;
        PkinitAsRequest changed = new PkinitAsRequest(body, request.nonce(), request.client(), request.server(),
                request.encoded());

        assertRefused(PkinitError.MODIFIED, () -> kdc(Set.of(new TrustAnchor(ca.certificate, null)), c -> false)
                .answer(request.padata(PaPkAsReq.PADATA_TYPE), changed, EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    @Test
    void aKdcOfAnotherCaCannotVerifyTheCertificate() throws Exception {
        TestAccountCa other = TestAccountCa.create("members.example", clock.instant());

        assertRefused(PkinitError.CANT_VERIFY_CERTIFICATE, () -> kdc(Set.of(new TrustAnchor(other.certificate,
                null)), c -> false).answer(request.padata(PaPkAsReq.PADATA_TYPE), request.pkinit(),
                        EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    @Test
    void tenMinutesLaterItIsOutsideTheSkew() throws Exception {
        clock.advance(Duration.ofMinutes(10));

        assertRefused(PkinitError.SKEW, () -> kdc(Set.of(new TrustAnchor(ca.certificate, null)), c -> false)
                .answer(request.padata(PaPkAsReq.PADATA_TYPE), request.pkinit(),
                        EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        assertRefused(PkinitError.REVOKED_CERTIFICATE, () -> kdc(Set.of(new TrustAnchor(ca.certificate, null)),
                c -> true).answer(request.padata(PaPkAsReq.PADATA_TYPE), request.pkinit(),
                        EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    private PkinitKdc kdc(Set<TrustAnchor> anchors, Predicate<X509Certificate> revoked) throws Exception {
        Instant now = clock.instant();
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, now);
        return new PkinitKdc(home.credential(), anchors, revoked,
                new ClientPrincipalMapping(TestAccountCa.ZONE, REALM), clock, new SecureRandom());
    }

    static void assertRefused(PkinitError error, Refusable call) {
        PkinitException refusal = assertThrows(PkinitException.class, call::run);
        assertEquals(error, refusal.error(), refusal.getMessage());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MitKinitRequestTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A call that PKINIT may refuse. */
    interface Refusable {
        void run() throws Exception;
    }
}
