package io.homeward.kerberos.internal.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.PaData;
import io.homeward.kerberos.internal.wire.PrincipalName;

/**
 * The TGS exchange (RFC 4120 §3.3): a TGS-REQ for {@code service/host} (NT-SRV-HST) whose PA-TGS-REQ is an AP-REQ
 * with the ticket-granting ticket and an authenticator under its session key (key usage 7) holding the keyed checksum
 * of the request body (usage 6) and a fresh subkey, as MIT's client sends one; the TGS-REP's enc-part is therefore
 * encrypted in that subkey (usage 9, RFC 4120 §5.4.2).
 */
final class TgsExchange {
    private final KdcTransport transport;
    private final KerberosCipher cipher;
    private final Clock clock;
    private final SecureRandom random;

    TgsExchange(KdcTransport transport, KerberosCipher cipher, Clock clock, SecureRandom random) {
        this.transport = transport;
        this.cipher = cipher;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A ticket for {@code service/host} from the KDC of {@code host}.
     *
     * @param tgt a ticket-granting ticket of that host's realm
     */
    ClientTicket serviceTicket(ClientTicket tgt, String service, String host) throws TicketRequestException {
        String step = "TGS exchange with the KDC of " + host;
        PrincipalName server = PrincipalName.of(PrincipalName.NT_SRV_HST, service, host);
        Instant now = clock.instant();
        KdcReqBody body = new KdcReqBody(KerberosFlags.NONE, Optional.empty(), tgt.srealm(), Optional.of(server),
                Optional.empty(), now.plus(AsExchange.LIFETIME), Optional.empty(), Nonces.next(random),
                AsExchange.ETYPES, List.of(), Optional.empty(), List.of());
        byte[] bodyDer = body.encode();
        KerberosKey session = tgt.sessionKey();
        KerberosKey subkey = cipher.randomKey(session.type());
        Checksum bodyChecksum = new Checksum(session.type().checksumType(),
                cipher.checksum(session, KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, bodyDer));
        Authenticator authenticator = new Authenticator(tgt.crealm(), tgt.cname(), Optional.of(bodyChecksum),
                now.get(ChronoField.MICRO_OF_SECOND), now,
                Optional.of(new EncryptionKey(subkey.type().number(), subkey.value())), OptionalLong.empty(),
                List.of());
        ApReq apReq = new ApReq(KerberosFlags.NONE, tgt.ticket(), new EncryptedData(session.type().number(),
                OptionalLong.empty(), cipher.encrypt(session, KeyUsage.TGS_REQ_AUTHENTICATOR,
                        authenticator.encode())));
        byte[] tgsReq = new KdcReq(KerberosMessage.TGS_REQ, List.of(new PaData(PaData.PA_TGS_REQ, apReq.encode())),
                body, bodyDer).encode();
        byte[] answer;
        try {
            answer = transport.exchange(host, tgsReq);
        } catch (IOException e) {
            throw new TicketRequestException(step + ": " + e.getMessage());
        }
        KdcRep reply = KdcReplies.reply(answer, KerberosMessage.TGS_REP, step);
        if (reply.encPart().etype() != subkey.type().number()) {
            throw new TicketRequestException(step + ": the enc-part is of encryption type " + reply.encPart().etype()
                    + ", the subkey of " + subkey.type().number());
        }
        return KdcReplies.ticket(cipher, reply, subkey, KeyUsage.TGS_REP_ENC_PART_SUBKEY, body, tgt.cname(),
                tgt.crealm(), now, step);
    }
}
