package io.homeward.kerberos.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.homeward.api.kerberos.AuthenticatedClient;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.Negotiated;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.wire.ApOptions;
import io.homeward.kerberos.internal.wire.ApRep;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncApRepPart;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.GssChecksum;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.GssMechanisms;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.NegTokenResp;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.SpnegoToken;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class KerberosServiceAcceptorTest {
    private final MutableClock clock = new MutableClock(TestClient.NOW);
    private final ReplayCache replayCache =
            new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, 1000, new RecordingLogger().logger());
    private final AtomicInteger closed = new AtomicInteger();
    private TestClient client = new TestClient(EncryptionType.AES256_CTS_HMAC_SHA1_96);

    private KerberosServiceAcceptor acceptor() {
        return new KerberosServiceAcceptor(TestClient.REALM, TestClient.SERVICE, client.keys(), replayCache, clock,
                Duration.ofSeconds(300), ClientUsers.ofRealm(TestClient.REALM), new SplittableRandom(3),
                closed::incrementAndGet);
    }

    private void refused(int code, Executable call) {
        AuthenticationRefusedException e = assertThrows(AuthenticationRefusedException.class, call);
        assertEquals(code, e.errorCode(), e.getMessage());
        assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
    }

    private void refusedAp(int code) {
        refused(code, () -> acceptor().accept(client.gssToken()));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void aSpnegoTokenIsAcceptedWithTheApReplyForMutualAuthentication(EncryptionType type) throws Exception {
        client = new TestClient(type);
        Negotiated negotiated = acceptor().acceptNegotiate(client.spnego());
        assertEquals(new AuthenticatedClient("alice@" + TestClient.REALM, "alice", client.authTime, client.endTime),
                negotiated.client());
        NegTokenResp response = (NegTokenResp) SpnegoToken.decode(negotiated.responseToken());
        assertEquals(Optional.of(NegTokenResp.NegState.ACCEPT_COMPLETED), response.negState());
        assertEquals(Optional.of(GssMechanisms.KERBEROS_V5), response.supportedMech());
        assertTrue(response.mechListMic().isEmpty());
        GssKerberosToken token = GssKerberosToken.decode(response.responseToken().orElseThrow());
        assertEquals(GssKerberosToken.TOK_ID_AP_REP, token.tokenId());
        EncApRepPart part = EncApRepPart.decode(client.cipher.decrypt(client.sessionKey, KeyUsage.AP_REP_ENC_PART,
                ((ApRep) token.message()).encPart().cipher()));
        assertEquals(client.ctime, part.ctime());
        assertEquals(client.cusec, part.cusec());
        assertTrue(part.seqNumber().isPresent());
    }

    @Test
    void theMicrosoftOidIsChosenWhenTheClientListsItFirst() throws Exception {
        Negotiated negotiated = acceptor().acceptNegotiate(
                client.spnego(GssMechanisms.KERBEROS_V5_MICROSOFT, GssMechanisms.KERBEROS_V5));
        NegTokenResp response = (NegTokenResp) SpnegoToken.decode(negotiated.responseToken());
        assertEquals(Optional.of(GssMechanisms.KERBEROS_V5_MICROSOFT), response.supportedMech());
    }

    @Test
    void withoutMutualAuthenticationNoApReplyIsSent() throws Exception {
        client.apOptions = KerberosFlags.NONE;
        client.gssFlags = GssChecksum.INTEG_FLAG;
        NegTokenResp response = (NegTokenResp) SpnegoToken.decode(acceptor().acceptNegotiate(client.spnego())
                .responseToken());
        assertEquals(Optional.of(NegTokenResp.NegState.ACCEPT_COMPLETED), response.negState());
        assertTrue(response.responseToken().isEmpty());
    }

    @Test
    void aBareKerberosTokenInNegotiateIsAnsweredWithABareApReply() throws Exception {
        Negotiated negotiated = acceptor().acceptNegotiate(client.gssToken());
        assertEquals("alice", negotiated.client().user());
        assertEquals(GssKerberosToken.TOK_ID_AP_REP, GssKerberosToken.decode(negotiated.responseToken()).tokenId());
    }

    @Test
    void aBareApRequestIsAccepted() throws Exception {
        client.checksum = Optional.empty();
        assertEquals("alice", acceptor().accept(client.apReq().encode()).user());
    }

    @Test
    void aTicketForAnotherServiceOrRealmIsNotUs() {
        client.ticketService = List.of("HTTP", "laptop.alice.members.example");
        refusedAp(ErrorCodes.KRB_AP_ERR_NOT_US);
        client.ticketService = TestClient.SERVICE;
        client.ticketRealm = "LAPTOP.ALICE.MEMBERS.EXAMPLE";
        refusedAp(ErrorCodes.KRB_AP_ERR_NOT_US);
    }

    @Test
    void aTicketOfAnotherKeyVersionIsRefused() {
        client.ticketKvno = java.util.OptionalLong.of(TestClient.KVNO + 1);
        refusedAp(ErrorCodes.KRB_AP_ERR_BADKEYVER);
    }

    @Test
    void aTicketOfAnEncryptionTypeWithoutKeyIsRefused() {
        client.ticketKey = client.cipher.randomKey(EncryptionType.AES256_CTS_HMAC_SHA384_192);
        refusedAp(ErrorCodes.KDC_ERR_ETYPE_NOSUPP);
    }

    @Test
    void aTicketSealedWithAnotherKeyFailsItsIntegrityCheck() {
        client.ticketKey = client.cipher.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        refusedAp(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY);
    }

    @Test
    void anAuthenticatorOfAnotherClientIsRefused() {
        client.authenticatorName = PrincipalName.of(PrincipalName.NT_PRINCIPAL, "mallory");
        refusedAp(ErrorCodes.KRB_AP_ERR_BADMATCH);
    }

    @Test
    void aClockTenMinutesOffIsRefused() {
        clock.advance(Duration.ofMinutes(10));
        refusedAp(ErrorCodes.KRB_AP_ERR_SKEW);
        clock.set(TestClient.NOW.minus(Duration.ofMinutes(10)));
        refusedAp(ErrorCodes.KRB_AP_ERR_SKEW);
    }

    @Test
    void aClockWithinTheSkewIsAccepted() throws Exception {
        clock.advance(Duration.ofSeconds(299));
        assertEquals("alice", acceptor().accept(client.gssToken()).user());
    }

    @Test
    void aReplayedAuthenticatorIsRefusedEvenByAnotherAcceptorOfTheService() throws Exception {
        byte[] token = client.spnego();
        acceptor().acceptNegotiate(token);
        refused(ErrorCodes.KRB_AP_ERR_REPEAT, () -> acceptor().acceptNegotiate(token));
        clock.advance(Duration.ofSeconds(200));
        refused(ErrorCodes.KRB_AP_ERR_REPEAT, () -> acceptor().acceptNegotiate(token));
        clock.advance(Duration.ofSeconds(200));
        refused(ErrorCodes.KRB_AP_ERR_SKEW, () -> acceptor().acceptNegotiate(token));
    }

    @Test
    void aFullReplayCacheAsksTheClientToTryAgain() {
        ReplayCache tiny = new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, 1, new RecordingLogger().logger());
        KerberosServiceAcceptor acceptor = new KerberosServiceAcceptor(TestClient.REALM, TestClient.SERVICE,
                client.keys(), tiny, clock, Duration.ofSeconds(300), ClientUsers.ofRealm(TestClient.REALM),
                new SplittableRandom(3), () -> { });
        assertEquals("alice", assertDoesNotRefuse(() -> acceptor.accept(client.gssToken())).user());
        client.cusec++;
        refused(ApRequestCheck.KDC_ERR_SVC_UNAVAILABLE, () -> acceptor.accept(client.gssToken()));
    }

    private static AuthenticatedClient assertDoesNotRefuse(RefusableCall call) {
        try {
            return call.call();
        } catch (AuthenticationRefusedException e) {
            throw new AssertionError(e.errorCode() + " " + e.getMessage(), e);
        }
    }

    private interface RefusableCall {
        AuthenticatedClient call() throws AuthenticationRefusedException;
    }

    @Test
    void anExpiredTicketIsRefused() {
        client.endTime = TestClient.NOW.minus(Duration.ofSeconds(301));
        refusedAp(ErrorCodes.KRB_AP_ERR_TKT_EXPIRED);
    }

    @Test
    void aTicketJustPastItsEndIsAcceptedWithinTheSkew() throws Exception {
        client.endTime = TestClient.NOW.minus(Duration.ofSeconds(200));
        assertEquals("alice", acceptor().accept(client.gssToken()).user());
    }

    @Test
    void aPostdatedOrInvalidTicketIsNotYetValid() {
        client.startTime = Optional.of(TestClient.NOW.plus(Duration.ofMinutes(10)));
        refusedAp(ErrorCodes.KRB_AP_ERR_TKT_NYV);
        client.startTime = Optional.empty();
        client.ticketFlags = KerberosFlags.of(TicketFlags.INVALID);
        refusedAp(ErrorCodes.KRB_AP_ERR_TKT_NYV);
    }

    @Test
    void aGssTokenNeedsTheGssChecksumWithoutChannelBindings() {
        client.checksum = Optional.empty();
        refusedAp(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM);
        client.checksum = Optional.of(new Checksum(16, new byte[12]));
        refusedAp(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM);
        client.checksum = null;
        client.bindings[5] = 1;
        refusedAp(ErrorCodes.KRB_AP_ERR_MODIFIED);
    }

    @Test
    void aClientOfAnotherRealmIsNoUserOfThisHost() {
        client.crealm = "ELSEWHERE.EXAMPLE";
        refusedAp(ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN);
    }

    @Test
    void userToUserIsRefused() {
        client.apOptions = KerberosFlags.of(ApOptions.USE_SESSION_KEY);
        refusedAp(ErrorCodes.KRB_AP_ERR_METHOD);
    }

    @Test
    void kerberosMustBeTheClientsFirstMechanismWithItsToken() {
        refused(ErrorCodes.KRB_AP_ERR_METHOD, () -> acceptor().acceptNegotiate(client.spnego(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.2.10"), GssMechanisms.KERBEROS_V5)));
        byte[] noToken = new io.homeward.kerberos.internal.wire.NegTokenInit(List.of(GssMechanisms.KERBEROS_V5),
                java.util.OptionalInt.empty(), Optional.empty(), Optional.empty()).encode();
        refused(ErrorCodes.KRB_AP_ERR_METHOD, () -> acceptor().acceptNegotiate(noToken));
    }

    @Test
    void aContinuationTokenIsRefused() {
        byte[] resp = new NegTokenResp(Optional.of(NegTokenResp.NegState.ACCEPT_INCOMPLETE), Optional.empty(),
                Optional.empty(), Optional.empty()).encode();
        refused(ErrorCodes.KRB_AP_ERR_MSG_TYPE, () -> acceptor().acceptNegotiate(resp));
    }

    @Test
    void garbageIsRefusedWithTheDecodersCode() {
        refused(ErrorCodes.KRB_ERR_GENERIC, () -> acceptor().acceptNegotiate(new byte[] {1, 2, 3}));
        refused(ErrorCodes.KRB_ERR_GENERIC, () -> acceptor().accept(new byte[0]));
    }

    @Test
    void everyMutationOfAValidTokenIsRefusedOrAcceptedButNeverThrowsUnchecked() {
        byte[] valid = client.spnego();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                acceptor().acceptNegotiate(mutated);
            } catch (AuthenticationRefusedException e) {
                assertTrue(e.errorCode() > 0, e.getMessage());
            }
        }
    }

    @Test
    void aClosedAcceptorRefusesAndTellsItsOwnerOnce() {
        KerberosServiceAcceptor acceptor = acceptor();
        assertEquals("HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE", acceptor.principal());
        acceptor.close();
        acceptor.close();
        assertEquals(1, closed.get());
        refused(ApRequestCheck.KDC_ERR_SVC_UNAVAILABLE, () -> acceptor.accept(client.gssToken()));
    }

    @Test
    void theApReplyEchoesTheAuthenticatorsTime() throws Exception {
        byte[] reply = acceptor().acceptNegotiate(client.gssToken()).responseToken();
        ApRep apRep = (ApRep) GssKerberosToken.decode(reply).message();
        byte[] plain = client.cipher.decrypt(client.sessionKey, KeyUsage.AP_REP_ENC_PART, apRep.encPart().cipher());
        assertArrayEquals(new EncApRepPart(client.ctime, client.cusec, Optional.empty(),
                EncApRepPart.decode(plain).seqNumber()).encode(), plain);
    }
}
