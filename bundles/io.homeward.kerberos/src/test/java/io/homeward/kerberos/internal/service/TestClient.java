package io.homeward.kerberos.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.wire.ApOptions;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.EncryptionKey;
import io.homeward.kerberos.internal.wire.GssChecksum;
import io.homeward.kerberos.internal.wire.GssKerberosToken;
import io.homeward.kerberos.internal.wire.GssMechanisms;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.NegTokenInit;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.kerberos.internal.wire.TicketFlags;
import io.homeward.kerberos.internal.wire.TransitedEncoding;

/**
 * Makes the AP-REQs a client would send, with a ticket sealed under a test service key as the KDC does: every field
 * can be changed to provoke each refusal.
 */
final class TestClient {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    static final List<String> SERVICE = List.of("HTTP", "home.alice.members.example");
    static final Instant NOW = Instant.parse("2026-12-06T16:00:00Z");
    static final long KVNO = 3;

    final KerberosCipher cipher = new KerberosCipher(new SplittableRandom(7));
    final KerberosKey serviceKey;
    final KerberosKey sessionKey;

    String ticketRealm = REALM;
    List<String> ticketService = SERVICE;
    OptionalLong ticketKvno = OptionalLong.of(KVNO);
    KerberosKey ticketKey;
    String crealm = REALM;
    PrincipalName cname = PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice");
    PrincipalName authenticatorName = cname;
    Instant authTime = NOW.minus(Duration.ofHours(1));
    Optional<Instant> startTime = Optional.empty();
    Instant endTime = NOW.plus(Duration.ofHours(9));
    KerberosFlags ticketFlags = KerberosFlags.of(TicketFlags.PRE_AUTHENT);
    Instant ctime = NOW;
    int cusec = 1234;
    KerberosFlags apOptions = KerberosFlags.of(ApOptions.MUTUAL_REQUIRED);
    int gssFlags = GssChecksum.MUTUAL_FLAG | GssChecksum.INTEG_FLAG;
    byte[] bindings = new byte[GssChecksum.BINDINGS_LENGTH];
    Optional<Checksum> checksum;

    TestClient(EncryptionType type) {
        serviceKey = cipher.randomKey(type);
        sessionKey = cipher.randomKey(type);
        ticketKey = serviceKey;
    }

    /** The service ticket, sealed under {@link #ticketKey} as this host's KDC seals it. */
    Ticket ticket() {
        EncTicketPart part = new EncTicketPart(ticketFlags,
                new EncryptionKey(sessionKey.type().number(), sessionKey.value()), crealm, cname,
                TransitedEncoding.none(), authTime, startTime, endTime, Optional.empty(), List.of(), List.of());
        return new Ticket(ticketRealm, new PrincipalName(PrincipalName.NT_SRV_HST, ticketService),
                new EncryptedData(ticketKey.type().number(), ticketKvno,
                        cipher.encrypt(ticketKey, KeyUsage.TICKET, part.encode())));
    }

    ApReq apReq() {
        Ticket ticket = ticket();
        Optional<Checksum> cksum = checksum != null ? checksum
                : Optional.of(new GssChecksum(bindings, gssFlags, Optional.empty(), new byte[0]).toChecksum());
        Authenticator authenticator = new Authenticator(crealm, authenticatorName, cksum, cusec, ctime,
                Optional.empty(), OptionalLong.of(99), List.of());
        return new ApReq(apOptions, ticket, new EncryptedData(sessionKey.type().number(), OptionalLong.empty(),
                cipher.encrypt(sessionKey, KeyUsage.AP_REQ_AUTHENTICATOR, authenticator.encode())));
    }

    byte[] gssToken() {
        return GssKerberosToken.of(apReq()).encode();
    }

    byte[] spnego(ASN1ObjectIdentifier... mechs) {
        return new NegTokenInit(List.of(mechs), OptionalInt.empty(), Optional.of(gssToken()), Optional.empty())
                .encode();
    }

    byte[] spnego() {
        return spnego(GssMechanisms.KERBEROS_V5);
    }

    ServiceKeys keys() {
        return (kvno, etype) -> {
            if (etype != serviceKey.type().number()) {
                return new ServiceKeys.UnknownType();
            }
            return kvno.isPresent() && kvno.getAsLong() != KVNO ? new ServiceKeys.UnknownVersion(KVNO)
                    : new ServiceKeys.Found(serviceKey);
        };
    }
}
