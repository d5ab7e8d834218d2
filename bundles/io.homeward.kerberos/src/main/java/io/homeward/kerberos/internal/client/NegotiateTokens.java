package io.homeward.kerberos.internal.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.wire.ApOptions;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.GssChecksum;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.GssMechanisms;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.NegTokenInit;

/**
 * The initiator's first token for HTTP Negotiate (RFC 4559 §4): a SPNEGO NegTokenInit (RFC 4178 §4.2.1) offering
 * Kerberos V5 alone, whose optimistic mechToken is the Kerberos mechanism's AP-REQ token (RFC 4121 §4.1). Its
 * authenticator, under the service ticket's session key (key usage 11), carries the 0x8003 checksum (RFC 4121
 * §4.1.1: no channel bindings, mutual authentication, integrity and confidentiality asked for), a fresh subkey and a
 * sequence number, as MIT's and the JDK's initiators send them; mutual-required is set in the AP options, as the
 * mutual flag asks. Each token has a new authenticator, so a replay cache never refuses the second of two requests.
 */
final class NegotiateTokens {
    private static final int FLAGS = GssChecksum.MUTUAL_FLAG | GssChecksum.CONF_FLAG | GssChecksum.INTEG_FLAG;
    private static final long SEQUENCE_NUMBERS = 0x3fffffffL;

    private final KerberosCipher cipher;
    private final Clock clock;
    private final SecureRandom random;

    NegotiateTokens(KerberosCipher cipher, Clock clock, SecureRandom random) {
        this.cipher = cipher;
        this.clock = clock;
        this.random = random;
    }

    /** The SPNEGO initial token for a service ticket, for {@code Authorization: Negotiate <base64>}. */
    byte[] token(ClientTicket ticket) {
        Instant now = clock.instant();
        KerberosKey session = ticket.sessionKey();
        KerberosKey subkey = cipher.randomKey(session.type());
        GssChecksum checksum = new GssChecksum(new byte[GssChecksum.BINDINGS_LENGTH], FLAGS, Optional.empty(),
                new byte[0]);
        Authenticator authenticator = new Authenticator(ticket.crealm(), ticket.cname(),
                Optional.of(checksum.toChecksum()), now.get(ChronoField.MICRO_OF_SECOND), now,
                Optional.of(new EncryptionKey(subkey.type().number(), subkey.value())),
                OptionalLong.of(random.nextInt() & SEQUENCE_NUMBERS), List.of());
        ApReq apReq = new ApReq(KerberosFlags.of(ApOptions.MUTUAL_REQUIRED), ticket.ticket(),
                new EncryptedData(session.type().number(), OptionalLong.empty(),
                        cipher.encrypt(session, KeyUsage.AP_REQ_AUTHENTICATOR, authenticator.encode())));
        byte[] mechToken = GssKerberosToken.of(apReq).encode();
        return new NegTokenInit(List.of(GssMechanisms.KERBEROS_V5), OptionalInt.empty(), Optional.of(mechToken),
                Optional.empty()).encode();
    }
}
