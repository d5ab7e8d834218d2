package io.homeward.kerberos.internal.client;

import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import io.homeward.kerberos.internal.crypto.BadIntegrityException;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.wire.EncKdcRepPart;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.PrincipalName;

/**
 * What the client checks of a KDC's answer (RFC 4120 §3.1.5, §3.3.4): a KRB-ERROR becomes a one-line failure with
 * its code and e-text; a KDC-REP must be of the exchange's type, for the client asked, and its enc-part must decrypt
 * under the reply key and carry the request's nonce, the server asked for and a session key of a type asked for.
 */
final class KdcReplies {
    private KdcReplies() {
    }

    /** The KDC-REP of type {@code messageType} the answer holds. */
    static KdcRep reply(byte[] answer, int messageType, String step) throws TicketRequestException {
        KerberosMessage message;
        try {
            message = KerberosMessage.decode(answer);
        } catch (KerberosFormatException e) {
            throw new TicketRequestException(step + ": unreadable answer: " + e.getMessage());
        }
        if (message instanceof KrbError error) {
            throw new TicketRequestException(step + ": KRB-ERROR " + error.errorCode()
                    + error.eText().map(text -> " " + text).orElse(""), OptionalInt.of(error.errorCode()));
        }
        if (!(message instanceof KdcRep reply) || reply.messageType() != messageType) {
            throw new TicketRequestException(step + ": answered with message type " + message.messageType()
                    + ", not " + messageType);
        }
        return reply;
    }

    /** The encryption type of an enc-part or key, if it is one the request listed. */
    static EncryptionType requested(int etype, KdcReqBody request, String what, String step)
            throws TicketRequestException {
        Optional<EncryptionType> type = EncryptionType.of(etype);
        if (type.isEmpty() || !request.etypes().contains(etype)) {
            throw new TicketRequestException(step + ": " + what + " of encryption type " + etype + ", asked for "
                    + request.etypes());
        }
        return type.get();
    }

    static KerberosKey key(EncryptionType type, byte[] value, String step) throws TicketRequestException {
        try {
            return KerberosKey.of(type, value);
        } catch (InvalidKeyException e) {
            throw new TicketRequestException(step + ": " + e.getMessage());
        }
    }

    /**
     * The ticket of a KDC-REP whose enc-part decrypts under {@code replyKey} with {@code usage}, checked against the
     * request: the nonce, the server and its realm, a session key of a type asked for, an end after now.
     */
    static ClientTicket ticket(KerberosCipher cipher, KdcRep reply, KerberosKey replyKey, int usage,
            KdcReqBody request, PrincipalName client, String crealm, Instant now, String step)
            throws TicketRequestException {
        if (!reply.crealm().equals(crealm) || !reply.cname().components().equals(client.components())) {
            throw new TicketRequestException(step + ": the reply is for " + reply.cname() + "@" + reply.crealm()
                    + ", not " + client + "@" + crealm);
        }
        EncKdcRepPart part;
        try {
            part = EncKdcRepPart.decode(cipher.decrypt(replyKey, usage, reply.encPart().cipher()));
        } catch (BadIntegrityException e) {
            throw new TicketRequestException(step + ": the reply's enc-part fails its integrity check under the "
                    + "reply key", OptionalInt.of(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY));
        } catch (KerberosFormatException e) {
            throw new TicketRequestException(step + ": unreadable enc-part: " + e.getMessage());
        }
        if (part.nonce() != request.nonce()) {
            throw new TicketRequestException(step + ": the reply carries the nonce " + part.nonce() + ", not "
                    + request.nonce());
        }
        PrincipalName server = request.sname().orElseThrow();
        if (!part.srealm().equals(request.realm()) || !part.sname().components().equals(server.components())
                || !reply.ticket().realm().equals(request.realm())
                || !reply.ticket().sname().components().equals(server.components())) {
            throw new TicketRequestException(step + ": the reply is for " + part.sname() + "@" + part.srealm()
                    + ", not " + server + "@" + request.realm());
        }
        EncryptionType keyType = requested(part.key().keyType(), request, "a session key", step);
        if (!part.endtime().isAfter(now)) {
            throw new TicketRequestException(step + ": the ticket ended at " + part.endtime());
        }
        return new ClientTicket(crealm, client, part.srealm(), part.sname(), reply.ticket(),
                key(keyType, part.key().keyValue(), step), part.starttime().orElse(part.authtime()),
                part.endtime());
    }
}
