package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;

/** Every type encodes, decodes and encodes again to the same octets, with optional fields present and absent. */
class RoundTripTest {

    interface Decoder {
        DerEncodable decode(byte[] der) throws KerberosFormatException;
    }

    private static void assertRoundTrip(DerEncodable value, Decoder decoder) throws KerberosFormatException {
        byte[] der = value.encode();
        assertArrayEquals(der, decoder.decode(der).encode(), value.getClass().getSimpleName());
    }

    @Test
    void theSmallTypes() throws KerberosFormatException {
        assertRoundTrip(Samples.ALICE, PrincipalName::decode);
        assertRoundTrip(PrincipalName.of(PrincipalName.NT_ENTERPRISE, "alice@example.com"), PrincipalName::decode);
        assertRoundTrip(Samples.addresses().get(1), HostAddress::decode);
        assertRoundTrip(Samples.authorizationData().get(0), AuthorizationData::decode);
        assertRoundTrip(new PaData(PaData.PA_AS_FRESHNESS, new byte[0]), PaData::decode);
        assertRoundTrip(Samples.encrypted(33), EncryptedData::decode);
        assertRoundTrip(new EncryptedData(20, OptionalLong.empty(), new byte[0]), EncryptedData::decode);
        assertRoundTrip(Samples.key(), EncryptionKey::decode);
        assertRoundTrip(new Checksum(16, Samples.octets(12, 4)), Checksum::decode);
        assertRoundTrip(KerberosFlags.of(0, 31), KerberosFlags::decode);
        assertRoundTrip(Samples.body(), KdcReqBody::decode);
        assertRoundTrip(new LastReq(-6, Samples.NOW), LastReq::decode);
        assertRoundTrip(new TransitedEncoding(TransitedEncoding.DOMAIN_X500_COMPRESS, "EXAMPLE,".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), TransitedEncoding::decode);
        assertRoundTrip(new EtypeInfo2Entry(20, Optional.of("salt"), Optional.of(new byte[] {0, 0, (byte) 0x80, 0})),
                EtypeInfo2Entry::decode);
    }

    @Test
    void principalNamesKeepTypeAndComponents() throws KerberosFormatException {
        PrincipalName decoded = PrincipalName.decode(Samples.HTTP.encode());
        assertEquals(Samples.HTTP, decoded);
        assertEquals("HTTP/home.alice.members.example", decoded.toString());
    }

    @Test
    void uint32FieldsKeepTheirWholeRangeAndTheNegativeValuesOfInt32Encoders() throws KerberosFormatException {
        for (long kvno : new long[] {0, 1, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, -1, Integer.MIN_VALUE}) {
            EncryptedData data = new EncryptedData(18, OptionalLong.of(kvno), new byte[1]);
            assertEquals(kvno, EncryptedData.decode(data.encode()).kvno().getAsLong());
        }
    }

    @Test
    void theMessagesAndTheirEncryptedParts() throws KerberosFormatException {
        for (KerberosMessage message : Samples.messages()) {
            KerberosMessage decoded = KerberosMessage.decode(message.encode());
            assertEquals(message.messageType(), decoded.messageType());
            assertArrayEquals(message.encode(), decoded.encode(), message.getClass().getSimpleName());
        }
        assertRoundTrip(Samples.ticket(), Ticket::decode);
        assertRoundTrip(Samples.encTicketPart(), EncTicketPart::decode);
        assertRoundTrip(Samples.encKdcRepPart(EncKdcRepPart.ENC_AS_REP_PART), EncKdcRepPart::decode);
        assertRoundTrip(Samples.encKdcRepPart(EncKdcRepPart.ENC_TGS_REP_PART), EncKdcRepPart::decode);
        assertRoundTrip(Samples.authenticator(), Authenticator::decode);
        assertRoundTrip(Samples.encApRepPart(), EncApRepPart::decode);
    }

    @Test
    void aDecodedRequestKeepsItsBodysOctets() throws KerberosFormatException {
        KdcReq request = KdcReq.decode(Samples.tgsReq().encode());
        assertArrayEquals(Samples.body().encode(), request.bodyDer());
        assertEquals(Samples.body().nonce(), request.body().nonce());
    }

    @Test
    void anAsReplyMayCarryEitherEncryptedPartTag() throws KerberosFormatException {
        assertEquals(EncKdcRepPart.ENC_TGS_REP_PART,
                EncKdcRepPart.decode(Samples.encKdcRepPart(EncKdcRepPart.ENC_TGS_REP_PART).encode()).applicationTag());
    }

    @Test
    void aKrbErrorWithOnlyItsRequiredFields() throws KerberosFormatException {
        KrbError error = new KrbError(Optional.empty(), OptionalInt.empty(), Samples.NOW, 0,
                ErrorCodes.KRB_AP_ERR_SKEW, Optional.empty(), Optional.empty(), Samples.REALM, Samples.HTTP,
                Optional.empty(), Optional.empty());
        KrbError decoded = KrbError.decode(error.encode());
        assertArrayEquals(error.encode(), decoded.encode());
        assertEquals(List.of(), decoded.methodData());
        assertEquals(ErrorCodes.KRB_AP_ERR_SKEW, decoded.errorCode());
    }

    @Test
    void preauthRequiredCarriesMethodDataAndEtypeInfo2() throws KerberosFormatException {
        KrbError error = KrbError.decode(Samples.preauthRequired().encode());
        List<PaData> methods = error.methodData();
        List<EtypeInfo2Entry> entries =
                EtypeInfo2Entry.decodeList(PaData.find(methods, PaData.PA_ETYPE_INFO2).orElseThrow().value());
        assertEquals(Samples.REALM + "alice", entries.get(0).salt().orElseThrow());
        assertArrayEquals(new byte[] {0, 0, 16, 0}, entries.get(0).s2kParams().orElseThrow());
        assertEquals(Optional.empty(), entries.get(1).salt());
    }

    @Test
    void gssTokensForEachKerberosMessage() throws KerberosFormatException {
        for (KerberosMessage message : List.of(Samples.apReq(), Samples.apRep(), Samples.preauthRequired())) {
            GssKerberosToken token = GssKerberosToken.of(message);
            GssKerberosToken decoded = GssKerberosToken.decode(token.encode());
            assertEquals(token.tokenId(), decoded.tokenId());
            assertArrayEquals(token.encode(), decoded.encode());
        }
        GssKerberosToken microsoft =
                new GssKerberosToken(GssMechanisms.KERBEROS_V5_MICROSOFT, Samples.apReq());
        assertEquals(GssMechanisms.KERBEROS_V5_MICROSOFT, GssKerberosToken.decode(microsoft.encode()).mech());
        assertThrows(IllegalArgumentException.class, () -> GssKerberosToken.of(Samples.asReq()));
    }

    @Test
    void gssFramingOfShortAndLongInnerTokens() throws KerberosFormatException {
        for (int length : new int[] {0, 100, 300, 70_000 - 100}) {
            GssInitialToken token = new GssInitialToken(GssMechanisms.SPNEGO, Samples.octets(length, 1));
            if (token.encode().length > Der.MAX_MESSAGE_LENGTH) {
                assertThrows(KerberosFormatException.class, () -> GssInitialToken.decode(token.encode()));
            } else {
                assertArrayEquals(token.encode(), GssInitialToken.decode(token.encode()).encode());
            }
        }
    }

    @Test
    void theGssChecksumWithAndWithoutDelegation() throws KerberosFormatException {
        GssChecksum plain = new GssChecksum(Samples.octets(16, 2), GssChecksum.MUTUAL_FLAG | GssChecksum.CONF_FLAG,
                Optional.empty(), new byte[0]);
        byte[] encoded = plain.encode();
        assertEquals(24, encoded.length);
        assertArrayEquals(new byte[] {16, 0, 0, 0}, java.util.Arrays.copyOf(encoded, 4));
        assertArrayEquals(new byte[] {18, 0, 0, 0}, java.util.Arrays.copyOfRange(encoded, 20, 24));
        assertArrayEquals(encoded, GssChecksum.decode(encoded).encode());
        GssChecksum delegating = new GssChecksum(new byte[16], GssChecksum.DELEG_FLAG | GssChecksum.MUTUAL_FLAG,
                Optional.of(Samples.octets(90, 3)), Samples.octets(8, 4));
        GssChecksum decoded = GssChecksum.decode(delegating.encode());
        assertArrayEquals(Samples.octets(90, 3), decoded.delegation().orElseThrow());
        assertArrayEquals(Samples.octets(8, 4), decoded.extensions());
        assertEquals(GssChecksum.CHECKSUM_TYPE, delegating.toChecksum().type());
    }

    @Test
    void spnegoTokensBothWays() throws KerberosFormatException {
        NegTokenInit init = new NegTokenInit(List.of(GssMechanisms.KERBEROS_V5_MICROSOFT, GssMechanisms.KERBEROS_V5,
                new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.2.10")), OptionalInt.of(0b1000110),
                Optional.of(GssKerberosToken.of(Samples.apReq()).encode()), Optional.of(Samples.octets(28, 1)));
        NegTokenInit decodedInit = assertInstanceOf(NegTokenInit.class, SpnegoToken.decode(init.encode()));
        assertEquals(init.mechTypes(), decodedInit.mechTypes());
        assertEquals(0b1000110, decodedInit.reqFlags().getAsInt());
        assertArrayEquals(init.encode(), decodedInit.encode());
        NegTokenInit bare = new NegTokenInit(List.of(GssMechanisms.KERBEROS_V5), OptionalInt.of(0), Optional.empty(),
                Optional.empty());
        assertArrayEquals(bare.encode(), SpnegoToken.decode(bare.encode()).encode());
        for (NegTokenResp.NegState state : NegTokenResp.NegState.values()) {
            NegTokenResp resp = new NegTokenResp(Optional.of(state), Optional.of(GssMechanisms.KERBEROS_V5),
                    Optional.of(GssKerberosToken.of(Samples.apRep()).encode()), Optional.of(Samples.octets(16, 0)));
            NegTokenResp decoded = assertInstanceOf(NegTokenResp.class, SpnegoToken.decode(resp.encode()));
            assertEquals(state, decoded.negState().orElseThrow());
            assertArrayEquals(resp.encode(), decoded.encode());
        }
        NegTokenResp empty = new NegTokenResp(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertArrayEquals(empty.encode(), SpnegoToken.decode(empty.encode()).encode());
    }

    @Test
    void theMechListThatTheMicCovers() {
        NegTokenInit init = new NegTokenInit(List.of(GssMechanisms.KERBEROS_V5), OptionalInt.empty(),
                Optional.empty(), Optional.empty());
        assertArrayEquals(java.util.HexFormat.of().parseHex("300b06092a864886f712010202"), init.mechTypesDer());
    }
}
