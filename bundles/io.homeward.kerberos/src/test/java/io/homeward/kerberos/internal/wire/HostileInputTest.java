package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client can send the KDC or the example service is refused with a {@link KerberosFormatException},
 * a one-line reason and the KRB-ERROR code to answer with, before anything large is allocated or deeply recursed.
 */
class HostileInputTest {

    private static KerberosFormatException refused(String hex) {
        return refused(HexFormat.of().parseHex(hex));
    }

    private static KerberosFormatException refused(byte[] message) {
        KerberosFormatException refused =
                assertThrows(KerberosFormatException.class, () -> KerberosMessage.decode(message));
        assertFalse(refused.getMessage().isBlank() || refused.getMessage().contains("\n"), refused.getMessage());
        return refused;
    }

    /** {@code message} with the octets of {@code from} replaced by {@code to}, once. */
    private static byte[] replace(byte[] message, String from, String to) {
        String hex = HexFormat.of().formatHex(message);
        assertTrue(hex.contains(from), from);
        return HexFormat.of().parseHex(hex.replaceFirst(from, to));
    }

    @Test
    void deepNestingIsRefusedWithoutRecursingIntoIt() {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        int depth = 30_000;
        byte[] inner = new byte[0];
        for (int i = 0; i < depth && inner.length < 60_000; i++) {
            byte[] outer = new byte[inner.length + (inner.length < 128 ? 2 : inner.length < 256 ? 3 : 4)];
            outer[0] = 0x30;
            int at = 1;
            if (inner.length >= 256) {
                outer[at++] = (byte) 0x82;
                outer[at++] = (byte) (inner.length >> 8);
            } else if (inner.length >= 128) {
                outer[at++] = (byte) 0x81;
            }
            outer[at++] = (byte) inner.length;
            System.arraycopy(inner, 0, outer, at, inner.length);
            inner = outer;
        }
        nested.writeBytes(new byte[] {0x6a, (byte) 0x82, (byte) (inner.length >> 8), (byte) inner.length});
        nested.writeBytes(inner);
        assertTrue(refused(nested.toByteArray()).getMessage().contains("nested more than"));
    }

    @Test
    void lengthsThatPromiseMoreThanArrivesAreRefused() {
        refused("6a847fffffff30");
        refused("6a8330000030");
        refused("6a80308000000000");
        refused("6a0530030201");
        refused("");
    }

    @Test
    void lengthsNotInTheirShortestFormAreRefused() {
        assertTrue(refused("6a8103300100").getMessage().contains("shortest"));
    }

    @Test
    void overlongMessagesAreFieldTooLong() {
        byte[] message = new byte[Der.MAX_MESSAGE_LENGTH + 1];
        message[0] = 0x6a;
        assertEquals(ErrorCodes.KRB_ERR_FIELD_TOOLONG, refused(message).errorCode());
    }

    @Test
    void otherMessagesAndOtherVersionsGetTheirOwnCodes() {
        assertEquals(ErrorCodes.KRB_AP_ERR_MSG_TYPE, refused("7403300100").errorCode());
        assertEquals(ErrorCodes.KRB_AP_ERR_MSG_TYPE, refused("3003020105").errorCode());
        byte[] asReq = Samples.asReq().encode();
        assertEquals(ErrorCodes.KRB_AP_ERR_BADVERSION, refused(replace(asReq, "a103020105", "a103020104")).errorCode());
        assertEquals(ErrorCodes.KRB_AP_ERR_MSG_TYPE, refused(replace(asReq, "a20302010a", "a20302010c")).errorCode());
    }

    @Test
    void fieldsOutOfOrderUnknownOrOfTheWrongTypeAreRefused() {
        byte[] asReq = Samples.asReq().encode();
        assertTrue(refused(replace(asReq, "a103020105a2", "a203020105a1")).getMessage().contains("out of order"));
        assertTrue(refused(replace(asReq, "a103020105", "a503020105")).getMessage().contains("unknown field"));
        assertTrue(refused(replace(asReq, "a103020105", "a103040105")).getMessage().contains("not an INTEGER"));
        byte[] paddedInteger = HexFormat.of().parseHex("300ea00402020001a10630041b026162");
        assertTrue(assertThrows(KerberosFormatException.class, () -> PrincipalName.decode(paddedInteger))
                .getMessage().contains("not DER"));
    }

    @Test
    void trailingOctetsAreRefused() {
        byte[] message = Samples.apRep().encode();
        byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
        assertTrue(refused(longer).getMessage().contains("after the DER element"));
    }

    @Test
    void listsPrincipalsAndStringsAreBounded() {
        KdcReqBody body = Samples.body();
        List<Integer> etypes = new ArrayList<>(Collections.nCopies(Der.MAX_SEQUENCE_OF + 1, 18));
        KdcReqBody tooManyEtypes = new KdcReqBody(body.kdcOptions(), body.cname(), body.realm(), body.sname(),
                body.from(), body.till(), body.rtime(), body.nonce(), etypes, List.of(), Optional.empty(), List.of());
        assertTrue(refused(KdcReq.of(KerberosMessage.AS_REQ, List.of(), tooManyEtypes).encode()).getMessage()
                .contains("more than " + Der.MAX_SEQUENCE_OF));

        ASN1EncodableVector components = new ASN1EncodableVector();
        for (int i = 0; i <= PrincipalName.MAX_COMPONENTS; i++) {
            components.add(new DERGeneralString("x"));
        }
        byte[] manyComponents = Der.encode(Der.sequence(Der.field(0, Der.integer(1)),
                Der.field(1, new DERSequence(components))));
        assertThrows(KerberosFormatException.class, () -> PrincipalName.decode(manyComponents));
        byte[] noComponents = Der.encode(Der.sequence(Der.field(0, Der.integer(1)),
                Der.field(1, new DERSequence())));
        assertThrows(KerberosFormatException.class, () -> PrincipalName.decode(noComponents));

        byte[] longRealm = Der.encode(new DERTaggedObject(true, 0, new DERGeneralString("R".repeat(2000))));
        KerberosFormatException tooLong = assertThrows(KerberosFormatException.class,
                () -> Der.string(Der.explicitContents((ASN1TaggedObject) Der.parse(longRealm, "x"), "x"), "realm"));
        assertEquals(ErrorCodes.KRB_ERR_FIELD_TOOLONG, tooLong.errorCode());
    }

    @Test
    void stringsOutsideIa5AreRefused() {
        byte[] error = Samples.preauthRequired().encode();
        String realm = HexFormat.of().formatHex(Samples.REALM.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(refused(replace(error, realm, "c3" + realm.substring(2))).getMessage().contains("IA5"));
    }

    @Test
    void integersOutOfRangeAreRefused() {
        byte[] tooBig = Der.encode(new EncryptedData(18, java.util.OptionalLong.of(0x1_0000_0000L), new byte[1])
                .toAsn1());
        assertThrows(KerberosFormatException.class, () -> EncryptedData.decode(tooBig));
        byte[] tooNegative = Der.encode(new EncryptedData(18, java.util.OptionalLong.of(-0x8000_0001L), new byte[1])
                .toAsn1());
        assertThrows(KerberosFormatException.class, () -> EncryptedData.decode(tooNegative));
        Authenticator authenticator = Samples.authenticator();
        byte[] badMicros = replace(authenticator.encode(), "a40502030f423f", "a40502030f4240");
        assertTrue(assertThrows(KerberosFormatException.class, () -> Authenticator.decode(badMicros)).getMessage()
                .contains("microseconds"));
    }

    @Test
    void gssAndSpnegoRefuseWhatIsNotTheirs() {
        byte[] spnego = Resources.mit("spnego-neg-token-init");
        assertThrows(KerberosFormatException.class, () -> GssKerberosToken.decode(spnego));
        byte[] kerberos = GssKerberosToken.of(Samples.apReq()).encode();
        assertThrows(KerberosFormatException.class, () -> SpnegoToken.decode(kerberos));
        int tokenIdAt = kerberos.length - Samples.apReq().encode().length - 2;
        byte[] badTokenId = kerberos.clone();
        badTokenId[tokenIdAt] = 0x04;
        assertTrue(assertThrows(KerberosFormatException.class, () -> GssKerberosToken.decode(badTokenId))
                .getMessage().contains("TOK_ID"));
        byte[] mismatched = kerberos.clone();
        mismatched[tokenIdAt] = 0x02;
        assertEquals(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                assertThrows(KerberosFormatException.class, () -> GssKerberosToken.decode(mismatched)).errorCode());
        assertThrows(KerberosFormatException.class, () -> SpnegoToken.decode(HexFormat.of().parseHex("a1053003a0010a")));
        assertThrows(KerberosFormatException.class, () -> SpnegoToken.decode(HexFormat.of().parseHex("a1083006a0040a020007")));
    }

    @Test
    void gssChecksumsOfTheWrongShapeAreRefused() {
        byte[] checksum = new GssChecksum(new byte[16], GssChecksum.MUTUAL_FLAG, Optional.empty(), new byte[0])
                .encode();
        byte[] wrongLgth = checksum.clone();
        wrongLgth[0] = 17;
        assertThrows(KerberosFormatException.class, () -> GssChecksum.decode(wrongLgth));
        byte[] delegationCut = checksum.clone();
        delegationCut[20] |= GssChecksum.DELEG_FLAG;
        assertThrows(KerberosFormatException.class, () -> GssChecksum.decode(delegationCut));
        assertThrows(KerberosFormatException.class, () -> GssChecksum.decode(new byte[23]));
        assertEquals(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM, assertThrows(KerberosFormatException.class,
                () -> GssChecksum.from(new Checksum(16, checksum))).errorCode());
    }
}
