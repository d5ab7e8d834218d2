package io.homeward.kerberos.internal.pkinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.testing.MitKdc;
import io.homeward.kerberos.internal.testing.MitTools;

/**
 * This host's PKINIT client against MIT's {@code krb5kdc} 1.20 (where krb5-kdc and
 * krb5-pkinit are installed): MIT's KDC, holding the host certificate of
 * {@code home} from an account CA, accepts the signed AuthPack of {@code laptop}'s certificate (mapped by {@code pkinit_cert_match}), and the client
 * accepts its PA-PK-AS-REP — the KDC certificate's id-pkinit-san and id-pkinit-KPKdc, the signature, the nonce — and
 * derives the key whose integrity check the AS-REP's enc-part passes (RFC 8009 §5, key usage 3).
 */
class MitKdcExchangeTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final int AS_REP = 11;
    private static final int KRB_ERROR = 30;
    /** KeyUsage of the AS-REP's enc-part, RFC 4120 §7.5.1. */
    private static final int AS_REP_ENC_PART = 3;

    @TempDir
    Path temporary;

    @Test
    void mitsKdcAnswersOurRequestAndWeCheckItsReply() throws Exception {
        MitTools.assumeInstalled(MitTools.KRB5KDC, MitTools.KADMIN_LOCAL, MitTools.PKINIT);
        for (PkinitKdf kdf : List.of(PkinitKdf.SHA256, PkinitKdf.SHA1, PkinitKdf.SHA512)) {
            exchange(KeyAgreementGroup.MODP_2048, List.of(kdf));
        }
        exchange(KeyAgreementGroup.MODP_2048, List.of());
    }

    private void exchange(KeyAgreementGroup group, List<PkinitKdf> kdfs) throws Exception {
        Path work = Files.createTempDirectory(temporary, "krb5kdc");
        Instant now = Instant.now();
        TestAccountCa ca = TestAccountCa.create("members.example", now);
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, now);
        MitKdc kdc = MitKdc.start(work, REALM, ca, home, List.of(), List.of());
        try {
            byte[] reply = sendWhenListening(kdc.port(), group, kdfs, laptop, ca);
            assertTrue(reply.length > 0);
        } finally {
            assertTrue(kdc.stop(), "krb5kdc ends");
        }
    }

    private byte[] sendWhenListening(int port, KeyAgreementGroup group, List<PkinitKdf> kdfs,
            TestAccountCa.Host laptop, TestAccountCa ca) throws Exception {
        long nonce = new SecureRandom().nextInt() & 0x7fffffffL;
        byte[] body = TestAsReq.body("alice", REALM, nonce);
        PkinitClient client = new PkinitClient(laptop.credential(), Set.of(new TrustAnchor(ca.certificate, null)),
                certificate -> false, Clock.systemUTC(), new SecureRandom());
        PkinitClientRequest request = client.request(body, nonce, group, kdfs, false);
        byte[] asReq = TestAsReq.encode(body, PaPkAsReq.PADATA_TYPE, request.paPkAsReq());
        byte[] reply = exchange(port, asReq);

        ASN1TaggedObject message = (ASN1TaggedObject) ASN1Primitive.fromByteArray(reply);
        assertEquals(BERTags.APPLICATION, message.getTagClass());
        if (message.getTagNo() == KRB_ERROR) {
            Der.Fields error = Der.fields(message.getExplicitBaseObject(), "KRB-ERROR");
            throw new AssertionError("KRB-ERROR " + error.integer(6, 0, Integer.MAX_VALUE) + " "
                    + (error.has(11) ? error.explicit(11) : ""));
        }
        assertEquals(AS_REP, message.getTagNo());
        Der.Fields asRep = Der.fields(message.getExplicitBaseObject(), "AS-REP");
        byte[] paPkAsRep = null;
        for (ASN1Primitive element : asRep.sequenceOf(2, 16)) {
            Der.Fields data = Der.fields(element, "PA-DATA");
            if (data.integer(1, 0, Integer.MAX_VALUE) == DhRepInfo.PADATA_TYPE) {
                paPkAsRep = data.octets(2);
            }
        }
        Der.Fields encPart = Der.fields(asRep.explicit(6), "EncryptedData");
        assertEquals(EncryptionType.AES256_CTS_HMAC_SHA384_192.number(), encPart.integer(0, 0, 255));
        PkinitAsRequest asRequest = TestAsReq.decode(asReq).pkinit();
        byte[] key = client.replyKey(request, paPkAsRep, asRequest, EncryptionType.AES256_CTS_HMAC_SHA384_192);
        assertIntegrity(key, encPart.octets(2));
        return key;
    }

    /**
     * RFC 8009 §5: the last 24 octets are HMAC-SHA-384(Ki, 16 zero octets ‖ C), with
     * Ki = KDF-HMAC-SHA2(key, usage ‖ 0x55, 192).
     */
    private static void assertIntegrity(byte[] key, byte[] cipher) throws Exception {
        byte[] label = ByteBuffer.allocate(5).putInt(AS_REP_ENC_PART).put((byte) 0x55).array();
        Mac kdf = Mac.getInstance("HmacSHA384");
        kdf.init(new SecretKeySpec(key, "HmacSHA384"));
        kdf.update(ByteBuffer.allocate(4).putInt(1).array());
        kdf.update(label);
        kdf.update((byte) 0);
        byte[] ki = Arrays.copyOf(kdf.doFinal(ByteBuffer.allocate(4).putInt(192).array()), 24);
        Mac mac = Mac.getInstance("HmacSHA384");
        mac.init(new SecretKeySpec(ki, "HmacSHA384"));
        mac.update(new byte[16]);
        mac.update(cipher, 0, cipher.length - 24);
        assertArrayEquals(Arrays.copyOfRange(cipher, cipher.length - 24, cipher.length),
                Arrays.copyOf(mac.doFinal(), 24), "the enc-part's checksum under the reply key");
    }

    private static byte[] exchange(int port, byte[] request) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(request.length);
                out.write(request);
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] reply = new byte[in.readInt()];
                in.readFully(reply);
                return reply;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
