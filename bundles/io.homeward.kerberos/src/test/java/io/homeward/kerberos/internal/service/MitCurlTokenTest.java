package io.homeward.kerberos.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.Negotiated;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.store.KeytabEntry;
import io.homeward.kerberos.internal.store.Keytabs;
import io.homeward.kerberos.internal.wire.ApRep;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.EncApRepPart;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.NegTokenResp;
import io.homeward.kerberos.internal.wire.SpnegoToken;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/**
 * The real {@code curl --negotiate} token of MIT Kerberos 1.20 (wire/mit/README.md) accepted end to end with the
 * captured service's keytab, and answered as the JDK's acceptor answered it.
 */
class MitCurlTokenTest {
    private static final String REALM = "K2.TEST";

    private final Authenticator capturedAuthenticator = Authenticator.decode(mit("authenticator-gss"));
    private final MutableClock clock = new MutableClock(capturedAuthenticator.ctime().plusSeconds(2));
    private final ReplayCache replayCache =
            new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, 100, new RecordingLogger().logger());

    MitCurlTokenTest() throws Exception {
    }

    private KerberosServiceAcceptor acceptor() throws Exception {
        List<KeytabEntry> keytab = Keytabs.read(HexFormat.of().parseHex(resource("mit-http-localhost.keytab.hex")));
        ServiceKeys keys = (kvno, etype) -> keytab.stream()
                .filter(e -> e.enctype() == etype && (kvno.isEmpty() || e.kvno() == kvno.getAsLong())).findFirst()
                .<ServiceKeys.Lookup>map(e -> new ServiceKeys.Found(key(e.enctype(), e.key())))
                .orElseGet(() -> new ServiceKeys.UnknownVersion(2));
        return new KerberosServiceAcceptor(REALM, List.of("HTTP", "localhost"), keys, replayCache, clock,
                Duration.ofSeconds(300), ClientUsers.ofRealm(REALM), new SplittableRandom(1), () -> { });
    }

    @Test
    void curlsTokenIsAcceptedAndAnsweredAsTheJdkAnswersIt() throws Exception {
        Negotiated negotiated = acceptor().acceptNegotiate(mit("spnego-neg-token-init"));
        assertEquals("alice@K2.TEST", negotiated.client().principal());
        assertEquals("alice", negotiated.client().user());
        EncTicketPart ticket = EncTicketPart.decode(mit("enc-ticket-part"));
        assertEquals(ticket.endtime(), negotiated.client().endTime());
        assertEquals(ticket.authtime(), negotiated.client().authTime());

        NegTokenResp ours = (NegTokenResp) SpnegoToken.decode(negotiated.responseToken());
        NegTokenResp jdks = (NegTokenResp) SpnegoToken.decode(mit("spnego-neg-token-resp"));
        assertEquals(jdks.negState(), ours.negState());
        assertEquals(jdks.supportedMech(), ours.supportedMech());
        assertEquals(jdks.mechListMic().isPresent(), ours.mechListMic().isPresent());
        ApRep apRep = (ApRep) GssKerberosToken.decode(ours.responseToken().orElseThrow()).message();
        KerberosKey sessionKey = key(ticket.key().keyType(), ticket.key().keyValue());
        EncApRepPart part = EncApRepPart.decode(new KerberosCipher(new SplittableRandom(2)).decrypt(sessionKey,
                KeyUsage.AP_REP_ENC_PART, apRep.encPart().cipher()));
        assertEquals(capturedAuthenticator.ctime(), part.ctime());
        assertEquals(capturedAuthenticator.cusec(), part.cusec());
    }

    @Test
    void curlsTokenReplayedIsRefused() throws Exception {
        acceptor().acceptNegotiate(mit("spnego-neg-token-init"));
        AuthenticationRefusedException e = assertThrows(AuthenticationRefusedException.class,
                () -> acceptor().acceptNegotiate(mit("spnego-neg-token-init")));
        assertEquals(ErrorCodes.KRB_AP_ERR_REPEAT, e.errorCode());
    }

    @Test
    void curlsTokenTenMinutesLateIsRefused() throws Exception {
        clock.advance(Duration.ofMinutes(10));
        AuthenticationRefusedException e = assertThrows(AuthenticationRefusedException.class,
                () -> acceptor().acceptNegotiate(mit("spnego-neg-token-init")));
        assertEquals(ErrorCodes.KRB_AP_ERR_SKEW, e.errorCode());
    }

    private static KerberosKey key(int etype, byte[] octets) {
        try {
            return KerberosKey.of(EncryptionType.of(etype).orElseThrow(), octets);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mit(String name) {
        return HexFormat.of().parseHex(resource("/io/homeward/kerberos/internal/wire/mit/" + name + ".hex"));
    }

    private static String resource(String name) {
        try (InputStream in = MitCurlTokenTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
