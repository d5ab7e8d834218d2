package io.homeward.ike.internal.crypto;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/**
 * The worked example of the project's IKEv2 digest (shared/protocols/ikev2.md §8.5, §9, §10.2): AES-GCM-16-256,
 * HMAC-SHA2-256 and Curve25519 with the X25519 keys of RFC 7748 §6.1, its verified values in hex.
 */
final class WorkedExample {
    static final HexFormat HEX = HexFormat.of();
    static final byte[] ALICE_PRIVATE = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    static final byte[] BOB_PRIVATE = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    static final String KEI = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    static final String KER = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    static final String GIR = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    static final long SPI_I = 0x1122334455667788L;
    static final long SPI_R = 0x99aabbccddeeff00L;
    static final byte[] NI = range(0x20);
    static final byte[] NR = range(0x40);
    static final String SKEYSEED = "f37240bebbe2eb7c058ffea66e46fa32bb44a8e9cd7e8e125b80c0cd6563f074";
    static final String SK_D = "358aa2bcc3f3b0118d2e12067b719c5ead3044b5499eda7dd630531e40fca73c";
    static final String SK_EI = "f408ea5eef4c73878858d30905846176c2906f265d138b5b0ce029dc88dace8e" + "6ec86df3";
    static final String SK_ER = "cb361b11066037456e7702d396e0bf5f95c562610b13a346e6f6a7851d688453" + "aedab526";
    static final String SK_PI = "02fe5857c69b9feb166e6aef2a5bc581841077deaa241874de587829b46e2d5f";
    static final String SK_PR = "839a9503897cd5c81e4bc208520519881ff7985afd0abf042f0c5cfe604e8479";
    static final String CHILD_I_TO_R = "387d844e2256b7380182deec0aa532c0" + "0de3c6ab";
    static final String CHILD_R_TO_I = "0b433e42ef8f6f4cfaa7faa7db1f9eae" + "67c94347";
    static final InetSocketAddress SOURCE = new InetSocketAddress("192.168.1.10", 500);
    static final InetSocketAddress DESTINATION = new InetSocketAddress("203.0.113.7", 500);
    static final String NAT_SOURCE = "1877af169fedb2955648a13bf8ab20f7dd048bba";
    static final String NAT_DESTINATION = "f36d322dbde525ac4f87255f30f19477c3767426";
    /** The 200-octet IKE_SA_INIT request, as the digest prints it. */
    static final String REQUEST = hex("""
            11 22 33 44 55 66 77 88 00 00 00 00 00 00 00 00
            21 20 22 08 00 00 00 00 00 00 00 c8 22 00 00 28
            00 00 00 24 01 01 00 03 03 00 00 0c 01 00 00 14
            80 0e 01 00 03 00 00 08 02 00 00 05 00 00 00 08
            04 00 00 1f 28 00 00 28 00 1f 00 00 85 20 f0 09
            89 30 a7 54 74 8b 7d dc b4 3e f7 5a 0d bf 3a 0d
            26 38 1a f4 eb a4 a9 8e aa 9b 4e 6a 29 00 00 24
            20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f
            30 31 32 33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f
            29 00 00 1c 00 00 40 04 18 77 af 16 9f ed b2 95
            56 48 a1 3b f8 ab 20 f7 dd 04 8b ba 00 00 00 1c
            00 00 40 05 f3 6d 32 2d bd e5 25 ac 4f 87 25 5f
            30 f1 94 77 c3 76 74 26
            """);
    /** The 57-octet encrypted empty INFORMATIONAL request from the initiator, message ID 2, IV 2. */
    static final String DPD = hex("""
            11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00
            2e 20 25 08 00 00 00 02 00 00 00 39 00 00 00 1d
            00 00 00 00 00 00 00 02 9b a1 61 86 17 ba eb 85
            fc d4 de f1 a4 85 11 fb de
            """);
    static final String ID_FQDN = "alice-mbp.alice.btmm.example";
    static final String MACED_ID_FOR_I = "1737857a40fa23834903ae125e72565b8c8ea0c08f9381ac37872e5c7a6f6fa8";
    static final String PSK = "correct horse battery staple";
    static final String PSK_AUTH = "567e3246d056817be487aaa075f8f16d03d99485d9f72d2c15b829d8ab690b84";

    private WorkedExample() {
    }

    /** The request as the codec builds it from its parts. */
    static IkeMessage request() {
        SaPayload sa = new SaPayload(List.of(new Proposal(1, Proposal.IKE, new byte[0], List.of(
                new Transform(Transform.ENCR, 20, 256), new Transform(Transform.PRF, 5),
                new Transform(Transform.KE, 31)))));
        return new IkeMessage(IkeHeader.of(SPI_I, 0, ExchangeType.IKE_SA_INIT, false, true, 0), List.of(sa,
                new KePayload(31, HEX.parseHex(KEI)), new NoncePayload(NI),
                NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, NatDetection.hash(SPI_I, 0, SOURCE)),
                NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP, NatDetection.hash(SPI_I, 0, DESTINATION))));
    }

    /** The exchange with an RFC 7748 §6.1 scalar. */
    static X25519Exchange x25519(byte[] scalar) {
        return new X25519Exchange(scalar);
    }

    private static String hex(String dump) {
        return dump.replaceAll("\\s+", "");
    }

    private static byte[] range(int first) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
