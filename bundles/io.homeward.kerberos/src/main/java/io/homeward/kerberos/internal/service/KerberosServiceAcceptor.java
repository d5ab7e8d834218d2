package io.homeward.kerberos.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import io.homeward.api.kerberos.AuthenticatedClient;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.Negotiated;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.wire.ApRep;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.EncApRepPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.GssInitialToken;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.GssMechanisms;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.NegTokenInit;
import io.homeward.kerberos.internal.wire.NegTokenResp;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.SpnegoToken;

/**
 * The acceptor of one registered service: validates AP-REQs ({@link ApRequestCheck}) as they come bare, in a
 * Kerberos GSS-API token (RFC 4121 §4.1) or in an SPNEGO NegTokenInit (RFC 4178, HTTP Negotiate RFC 4559), and
 * answers mutual authentication with an AP-REP (RFC 4120 §3.2.4). Negotiation completes in one round: the client's
 * first mechanism must be Kerberos (1.2.840.113554.1.2.2 or Microsoft's 1.2.840.48018.1.2.2) with its optimistic
 * token, which is what MIT, Heimdal, Windows and the JDK send. The mechanism chosen is then the client's first, so
 * no mechListMIC is exchanged (RFC 4178 §5). Thread-safe.
 *
 * <p>How the KDC component makes one for {@code KerberosServices.register(service)}:
 * <pre>{@code
 * new KerberosServiceAcceptor(realm, List.of(service, hostFqdn),
 *         ServiceKeys.of(store, List.of(service, hostFqdn)), replayCache, clock, Duration.ofSeconds(300),
 *         ClientUsers.ofRealm(realm), secureRandom, () -> forget(acceptor));
 * }</pre>
 */
public final class KerberosServiceAcceptor implements ServiceAcceptor {
    private final ApRequestCheck check;
    private final KerberosCipher cipher;
    private final RandomGenerator random;
    private final Runnable onClose;
    private volatile boolean closed;

    /**
     * @param realm       this host's realm, which the service's tickets name
     * @param service     the service principal's name components, for example {@code [HTTP, home.alice.members.example]}
     * @param keys        the service's keys, looked up for every ticket
     * @param replayCache the cache shared with the KDC (authenticators are keyed by client and service)
     * @param clock       this host's clock
     * @param skew        the clock skew allowed, 300 s as the KDC's
     * @param users       which user of this host a ticket's client is
     * @param random      confounders and the AP-REP's sequence number (a {@link java.security.SecureRandom})
     * @param onClose     run once when the acceptor is closed, for the KDC to forget it
     */
    public KerberosServiceAcceptor(String realm, List<String> service, ServiceKeys keys, ReplayCache replayCache,
            Clock clock, Duration skew, ClientUsers users, RandomGenerator random, Runnable onClose) {
        this.cipher = new KerberosCipher(random);
        this.random = random;
        this.onClose = onClose;
        this.check = new ApRequestCheck(realm, new PrincipalName(PrincipalName.NT_SRV_HST, service), keys,
                replayCache, clock, skew, users, cipher);
    }

    @Override
    public String principal() {
        return check.servicePrincipal();
    }

    @Override
    public AuthenticatedClient accept(byte[] apReq) throws AuthenticationRefusedException {
        checkOpen();
        boolean gss = apReq.length > 0 && (apReq[0] & 0xff) == 0x60;
        return check.check(gss ? apRequest(kerberosToken(apReq)) : decode(apReq), gss).client();
    }

    @Override
    public Negotiated acceptNegotiate(byte[] token) throws AuthenticationRefusedException {
        checkOpen();
        if (isKerberosToken(token)) {
            GssKerberosToken request = kerberosToken(token);
            ApRequestCheck.Accepted accepted = check.check(apRequest(request), true);
            return new Negotiated(accepted.client(), apReply(accepted, request.mech()).orElse(new byte[0]));
        }
        NegTokenInit init = negTokenInit(token);
        ASN1ObjectIdentifier first = init.mechTypes().isEmpty() ? null : init.mechTypes().get(0);
        if (first == null || !GssMechanisms.isKerberos(first)) {
            throw ApRequestCheck.refused(ErrorCodes.KRB_AP_ERR_METHOD,
                    "the client offers " + init.mechTypes() + ", Kerberos not first");
        }
        byte[] mechToken = init.mechToken().orElseThrow(() -> ApRequestCheck.refused(ErrorCodes.KRB_AP_ERR_METHOD,
                "the SPNEGO NegTokenInit has no optimistic Kerberos token"));
        GssKerberosToken request = kerberosToken(mechToken);
        ApRequestCheck.Accepted accepted = check.check(apRequest(request), true);
        NegTokenResp response = new NegTokenResp(Optional.of(NegTokenResp.NegState.ACCEPT_COMPLETED),
                Optional.of(first), apReply(accepted, request.mech()), Optional.empty());
        return new Negotiated(accepted.client(), response.encode());
    }

    /** Further calls are refused with KDC_ERR_SVC_UNAVAILABLE (29); {@code onClose} runs on the first call. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }

    private void checkOpen() throws AuthenticationRefusedException {
        if (closed) {
            throw ApRequestCheck.refused(ApRequestCheck.KDC_ERR_SVC_UNAVAILABLE, principal() + " has stopped");
        }
    }

    /**
     * When the client asked for mutual authentication, the AP-REP of RFC 4120 §5.5.2 under the session key, in the
     * GSS-API token TOK_ID 02 00 (RFC 4121 §4.1).
     */
    private Optional<byte[]> apReply(ApRequestCheck.Accepted accepted, ASN1ObjectIdentifier mech) {
        if (!accepted.mutualRequested()) {
            return Optional.empty();
        }
        EncApRepPart part = new EncApRepPart(accepted.authenticator().ctime(), accepted.authenticator().cusec(),
                Optional.empty(), OptionalLong.of(random.nextLong(1L << 31)));
        byte[] sealed = cipher.encrypt(accepted.sessionKey(), KeyUsage.AP_REP_ENC_PART, part.encode());
        return Optional.of(new GssKerberosToken(mech,
                new ApRep(new EncryptedData(accepted.sessionKey().type().number(), OptionalLong.empty(), sealed)))
                .encode());
    }

    /** Whether the token is a bare Kerberos GSS-API token rather than SPNEGO (RFC 2743 §3.1 framing, mech OID). */
    private static boolean isKerberosToken(byte[] token) {
        try {
            return GssMechanisms.isKerberos(GssInitialToken.decode(token).mech());
        } catch (KerberosFormatException e) {
            return false;
        }
    }

    private static NegTokenInit negTokenInit(byte[] token) throws AuthenticationRefusedException {
        SpnegoToken spnego;
        try {
            spnego = SpnegoToken.decode(token);
        } catch (KerberosFormatException e) {
            throw ApRequestCheck.refused(e.errorCode(), "the Negotiate token is no SPNEGO nor Kerberos token: "
                    + e.getMessage());
        }
        if (!(spnego instanceof NegTokenInit init)) {
            throw ApRequestCheck.refused(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    "a SPNEGO NegTokenResp without a negotiation this service began");
        }
        return init;
    }

    private static GssKerberosToken kerberosToken(byte[] token) throws AuthenticationRefusedException {
        try {
            return GssKerberosToken.decode(token);
        } catch (KerberosFormatException e) {
            throw ApRequestCheck.refused(e.errorCode(), e.getMessage());
        }
    }

    private static ApReq apRequest(GssKerberosToken token) throws AuthenticationRefusedException {
        if (token.message().messageType() != KerberosMessage.AP_REQ) {
            throw ApRequestCheck.refused(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    "a Kerberos GSS-API token of message type " + token.message().messageType() + ", not AP-REQ");
        }
        return (ApReq) token.message();
    }

    private static ApReq decode(byte[] apReq) throws AuthenticationRefusedException {
        try {
            return ApReq.decode(apReq);
        } catch (KerberosFormatException e) {
            throw ApRequestCheck.refused(e.errorCode(), "the AP-REQ: " + e.getMessage());
        }
    }
}
