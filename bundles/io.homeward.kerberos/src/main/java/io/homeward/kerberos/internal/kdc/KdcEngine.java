package io.homeward.kerberos.internal.kdc;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.net.KdcRequest;
import io.homeward.kerberos.internal.net.KdcRequestHandler;
import io.homeward.kerberos.internal.pkinit.Krb5PrincipalName;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kit.net.Endpoints;

/**
 * The KDC's engine (RFC 4120 §3.1, §3.3; docs/kerberos.md "The KDC's engine"): answers each request the front door
 * hands it with an AS-REP, a TGS-REP or a KRB-ERROR. Every refusal is a KRB-ERROR with its code and a one-line
 * e-text, counted by code and logged in one line; a message that is not a KDC-REQ is refused with the code its decoder
 * names (KRB_ERR_GENERIC 60, KRB_AP_ERR_BADVERSION 39, KRB_AP_ERR_MSG_TYPE 40). Safe to call from every listener
 * thread at once.
 */
public final class KdcEngine implements KdcRequestHandler {
    private final String realm;
    private final AsExchange as;
    private final TgsExchange tgs;
    private final KrbErrors errors;
    private final KdcCounters counters;
    private final Logger log;

    /**
     * @param user the one client this KDC issues tickets to, the host's user ({@code ClientPrincipalMapping.user()})
     */
    public KdcEngine(PrincipalKeyStore store, Krb5PrincipalName user, PkinitKdc pkinit, ReplayCache replays,
            TicketPolicy policy, KdcCounters counters, Clock clock, SecureRandom random, Logger log) {
        this.realm = store.realm();
        KerberosCipher cipher = new KerberosCipher(random);
        PrincipalKeyRing ticketGranting = new PrincipalKeyRing(store.ticketGranting());
        this.as = new AsExchange(realm, user, ticketGranting, pkinit, policy, cipher, clock);
        this.tgs = new TgsExchange(realm, ticketGranting, store, replays, policy, cipher, clock);
        this.errors = new KrbErrors(realm, clock);
        this.counters = counters;
        this.log = log;
    }

    @Override
    public byte[] handle(KdcRequest request) {
        byte[] message = request.message();
        String from = Endpoints.text(request.client());
        KerberosMessage decoded;
        try {
            decoded = KerberosMessage.decode(message);
        } catch (KerberosFormatException e) {
            return refuse(new KdcRefusal(e.errorCode(), "not a Kerberos message: " + e.getMessage()), "a request",
                    from, Optional.empty());
        }
        if (!(decoded instanceof KdcReq kdcReq)) {
            return refuse(new KdcRefusal(ErrorCodes.KRB_AP_ERR_MSG_TYPE, "a KDC answers AS-REQ and TGS-REQ, not "
                    + "message type " + decoded.messageType()), "a request", from, Optional.empty());
        }
        boolean initial = kdcReq.messageType() == KerberosMessage.AS_REQ;
        String what = (initial ? "AS-REQ" : "TGS-REQ") + " for " + names(kdcReq.body());
        try {
            Issued issued = initial ? as.answer(kdcReq, message) : tgs.answer(kdcReq);
            if (initial) {
                counters.asIssued();
            } else {
                counters.tgsIssued();
            }
            log.info("KDC issued a {} from {}", issued.summary(), from);
            return issued.reply();
        } catch (KdcRefusal refusal) {
            return refuse(refusal, what, from, Optional.of(kdcReq.body()));
        }
    }

    @Override
    public byte[] responseTooBig(KdcRequest request) {
        counters.error(ErrorCodes.KRB_ERR_RESPONSE_TOO_BIG);
        return errors.encode(ErrorCodes.KRB_ERR_RESPONSE_TOO_BIG, "the answer is too long for UDP: ask over TCP",
                Optional.empty(), Optional.empty());
    }

    @Override
    public byte[] fieldTooLong(InetSocketAddress client) {
        counters.error(ErrorCodes.KRB_ERR_FIELD_TOOLONG);
        return errors.encode(ErrorCodes.KRB_ERR_FIELD_TOOLONG, "the request is longer than this KDC reads",
                Optional.empty(), Optional.empty());
    }

    public String realm() {
        return realm;
    }

    private byte[] refuse(KdcRefusal refusal, String what, String from, Optional<KdcReqBody> body) {
        counters.error(refusal.code());
        log.info("KDC refused {} from {}: KRB-ERROR {}: {}", what, from, refusal.code(), refusal.getMessage());
        return errors.encode(refusal.code(), refusal.getMessage(), refusal.eData(), body);
    }

    private static String names(KdcReqBody body) {
        return body.cname().map(PrincipalName::toString).orElse("(no client)") + "@" + body.realm() + " to "
                + body.sname().map(PrincipalName::toString).orElse("(no server)");
    }
}
