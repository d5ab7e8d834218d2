package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One value of every message and type, with every optional field present, for round trips and mutations. */
final class Samples {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    static final Instant NOW = Instant.parse("2026-12-06T15:40:02Z");
    static final PrincipalName ALICE = PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice");
    static final PrincipalName HTTP = PrincipalName.of(PrincipalName.NT_SRV_HST, "HTTP", "home.alice.members.example");

    private Samples() {
    }

    static byte[] octets(int length, int seed) {
        byte[] octets = new byte[length];
        for (int i = 0; i < length; i++) {
            octets[i] = (byte) (seed + 31 * i);
        }
        return octets;
    }

    static EncryptedData encrypted(int length) {
        return new EncryptedData(18, OptionalLong.of(2), octets(length, length));
    }

    static EncryptionKey key() {
        return new EncryptionKey(18, octets(32, 7));
    }

    static Ticket ticket() {
        return new Ticket(REALM, PrincipalName.ticketGrantingService(REALM), encrypted(200));
    }

    static List<HostAddress> addresses() {
        return List.of(new HostAddress(HostAddress.IPV4, new byte[] {10, 0, 0, 1}),
                new HostAddress(HostAddress.IPV6, octets(16, 0xfd)));
    }

    static List<AuthorizationData> authorizationData() {
        return List.of(new AuthorizationData(AuthorizationData.AD_IF_RELEVANT, octets(20, 3)));
    }

    static KdcReqBody body() {
        return new KdcReqBody(KerberosFlags.of(KdcOptions.FORWARDABLE, KdcOptions.RENEWABLE_OK), Optional.of(ALICE),
                REALM, Optional.of(PrincipalName.ticketGrantingService(REALM)), Optional.of(NOW),
                NOW.plusSeconds(36_000), Optional.of(NOW.plusSeconds(86_400)), 0xfedc_ba98L, List.of(20, 18),
                addresses(), Optional.of(encrypted(40)), List.of(ticket()));
    }

    static KdcReq asReq() {
        return KdcReq.of(KerberosMessage.AS_REQ,
                List.of(new PaData(PaData.PA_PK_AS_REQ, octets(300, 1)), new PaData(PaData.PA_REQ_ENC_PA_REP,
                        new byte[0])), body());
    }

    static KdcReq tgsReq() {
        return KdcReq.of(KerberosMessage.TGS_REQ, List.of(new PaData(PaData.PA_TGS_REQ, apReq().encode())), body());
    }

    static KdcRep asRep() {
        return new KdcRep(KerberosMessage.AS_REP, List.of(new PaData(PaData.PA_PK_AS_REP, octets(500, 2))), REALM,
                ALICE, ticket(), encrypted(180));
    }

    static KdcRep tgsRep() {
        return new KdcRep(KerberosMessage.TGS_REP, List.of(), REALM, ALICE,
                new Ticket(REALM, HTTP, encrypted(220)), encrypted(180));
    }

    static EncKdcRepPart encKdcRepPart(int tag) {
        return new EncKdcRepPart(tag, key(), List.of(LastReq.none()), 12345, Optional.of(NOW.plusSeconds(86_400)),
                KerberosFlags.of(TicketFlags.INITIAL, TicketFlags.PRE_AUTHENT), NOW, Optional.of(NOW),
                NOW.plusSeconds(36_000), Optional.of(NOW.plusSeconds(72_000)), REALM,
                PrincipalName.ticketGrantingService(REALM), addresses(),
                List.of(new PaData(PaData.PA_REQ_ENC_PA_REP, octets(12, 5))));
    }

    static EncTicketPart encTicketPart() {
        return new EncTicketPart(KerberosFlags.of(TicketFlags.INITIAL, TicketFlags.PRE_AUTHENT), key(), REALM, ALICE,
                TransitedEncoding.none(), NOW, Optional.of(NOW), NOW.plusSeconds(36_000),
                Optional.of(NOW.plusSeconds(72_000)), addresses(), authorizationData());
    }

    static ApReq apReq() {
        return new ApReq(KerberosFlags.of(ApOptions.MUTUAL_REQUIRED), ticket(), encrypted(150));
    }

    static Authenticator authenticator() {
        GssChecksum gss = new GssChecksum(new byte[16], GssChecksum.MUTUAL_FLAG | GssChecksum.INTEG_FLAG,
                Optional.empty(), new byte[0]);
        return new Authenticator(REALM, ALICE, Optional.of(gss.toChecksum()), 999_999, NOW, Optional.of(key()),
                OptionalLong.of(0xffff_ffffL), authorizationData());
    }

    static ApRep apRep() {
        return new ApRep(new EncryptedData(18, OptionalLong.empty(), octets(60, 9)));
    }

    static EncApRepPart encApRepPart() {
        return new EncApRepPart(NOW, 123_456, Optional.of(key()), OptionalLong.of(-1));
    }

    static KrbError preauthRequired() {
        List<PaData> methods = List.of(new PaData(PaData.PA_PK_AS_REQ, new byte[0]),
                new PaData(PaData.PA_ETYPE_INFO2, EtypeInfo2Entry.encodeList(List.of(
                        new EtypeInfo2Entry(18, Optional.of(REALM + "alice"), Optional.of(new byte[] {0, 0, 16, 0})),
                        new EtypeInfo2Entry(20, Optional.empty(), Optional.empty())))));
        return new KrbError(Optional.of(NOW), OptionalInt.of(17), NOW, 42, ErrorCodes.KDC_ERR_PREAUTH_REQUIRED,
                Optional.of(REALM), Optional.of(ALICE), REALM, PrincipalName.ticketGrantingService(REALM),
                Optional.of("Additional pre-authentication required"), Optional.of(PaData.encodeMethodData(methods)));
    }

    /** Every message of the KDC's and the service's front doors. */
    static List<KerberosMessage> messages() {
        return List.of(asReq(), tgsReq(), asRep(), tgsRep(), apReq(), apRep(), preauthRequired());
    }
}
