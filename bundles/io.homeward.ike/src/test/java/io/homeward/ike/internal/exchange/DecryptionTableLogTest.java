package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.crypto.Suites;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeHeader;

/**
 * The TRACE row for Wireshark's IKEv2 decryption table: both ends of an IKE SA log the same row, its SPIs are the
 * SA's, its SK_ei opens the IKE_AUTH request as RFC 5282 §3 reads it (independently of this bundle's SK code), and
 * the keys appear at no other level. ChaCha20-Poly1305, which Wireshark 4.0 cannot decrypt in IKE, gets no row.
 */
class DecryptionTableLogTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void bothEndsLogTheSameRowWhoseKeyOpensTheIkeAuthRequest() throws Exception {
        IkeLab lab = new IkeLab();
        lab.initiate();
        lab.run();

        List<String> laptopRows = rows(lab.laptop);
        assertEquals(1, laptopRows.size(), lab.laptop.log.toString());
        assertEquals(laptopRows, rows(lab.home));
        String[] fields = laptopRows.get(0).substring(DecryptionTableLog.PREFIX.length()).split(",", -1);
        assertEquals(8, fields.length, laptopRows.get(0));
        IkeSaStatus sa = lab.laptop.status().get(0);
        assertEquals(HEX.toHexDigits(sa.initiatorSpi()), fields[0]);
        assertEquals(HEX.toHexDigits(sa.responderSpi()), fields[1]);
        assertEquals("\"AES-GCM-256 with 16 octet ICV [RFC5282]\"", fields[4]);
        assertEquals(List.of("", "", "\"NONE [RFC4306]\""), List.of(fields[5], fields[6], fields[7]));

        byte[] skEi = HEX.parseHex(fields[2]);
        assertEquals(36, skEi.length, "AES-256 key and 4-octet salt");
        IkeLab.Packet authRequest = lab.sent.stream().filter(packet -> packet.message().header().exchangeType()
                == ExchangeType.IKE_AUTH.code() && !packet.message().header().isResponse()).findFirst().orElseThrow();
        byte[] opened = open(authRequest.data(), skEi);
        assertTrue(new String(opened, StandardCharsets.ISO_8859_1).contains(lab.laptop.fqdn),
                "the initiator's ID_FQDN in the opened IKE_AUTH request");

        for (IkeLab.Node node : List.of(lab.laptop, lab.home)) {
            for (LogLevel level : List.of(LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR)) {
                assertFalse(node.log.messages(level).stream().anyMatch(message -> message.contains(fields[2])
                        || message.contains(fields[3])), level.toString());
            }
        }
    }

    @Test
    void chaCha20GetsNoRow() {
        IkeLab lab = new IkeLab();
        lab.laptop.with(settings -> IkeSettings.of(List.of(Suites.CHACHA20), lab.laptop.endpoint));
        lab.home.with(settings -> IkeSettings.of(List.of(Suites.CHACHA20), lab.home.endpoint));
        lab.initiate();
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertTrue(rows(lab.laptop).isEmpty());
        assertTrue(lab.laptop.log.has(LogLevel.TRACE, "has no row for ENCR 28"), lab.laptop.log.toString());
    }

    private static List<String> rows(IkeLab.Node node) {
        return node.log.messages(LogLevel.TRACE).stream().filter(m -> m.startsWith(DecryptionTableLog.PREFIX)).toList();
    }

    /**
     * An SK payload that is the message's first (RFC 7296 §3.14) opened with AES-GCM-16 (RFC 5282 §3, §5): the nonce
     * is the salt and the 8-octet IV, the associated data the IKE header and the SK payload's generic header.
     */
    private static byte[] open(byte[] message, byte[] skE) throws Exception {
        int iv = IkeHeader.LENGTH + 4;
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        System.arraycopy(skE, skE.length - 4, nonce, 0, 4);
        System.arraycopy(message, iv, nonce, 4, 8);
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(skE, 0, skE.length - 4, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(message, 0, iv);
        return gcm.doFinal(Arrays.copyOfRange(message, iv + 8, message.length));
    }
}
