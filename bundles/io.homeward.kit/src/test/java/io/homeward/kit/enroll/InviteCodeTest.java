package io.homeward.kit.enroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InviteCodeTest {
    private static final byte[] PIN = HexFormat.of().parseHex(
            "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4");
    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    private static InviteCode sample() throws Exception {
        return new InviteCode(List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("2001:db8::7")), 53,
                853, 8443, 3478, PIN, "Alice.Members.Example.", Optional.of("Laptop"), SECRET);
    }

    @Test
    void encodesToOneAlphanumericStringAndBack() throws Exception {
        InviteCode code = sample();
        String text = code.encode();
        assertTrue(text.startsWith("HW1"), text);
        assertTrue(text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') || c == '1'), text);
        assertTrue(text.length() < 200, text.length() + " characters");
        InviteCode back = InviteCode.decode(text.toLowerCase(java.util.Locale.ROOT).replaceAll("(.{20})", "$1-"));
        assertEquals(code.addresses(), back.addresses());
        assertEquals(List.of(53, 853, 8443, 3478), List.of(back.dnsPort(), back.tlsPort(), back.estPort(), back.stunPort()));
        assertArrayEquals(PIN, back.pin());
        assertArrayEquals(SECRET, back.secret());
        assertEquals("alice.members.example.", back.zone());
        assertEquals(Optional.of("laptop"), back.host());
        assertEquals(code.id(), back.id());
    }

    @Test
    void theIdDependsOnTheSecretOnly() throws Exception {
        assertEquals(16, sample().id().length());
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertTrue(!InviteCode.idOf(other).equals(sample().id()));
    }

    @Test
    void aTypoIsCalledDamagedAndOtherTextIsCalledNotAnInvite() throws Exception {
        String text = sample().encode();
        char[] chars = text.toCharArray();
        chars[40] = chars[40] == 'A' ? 'B' : 'A';
        InviteCodeException typo = assertThrows(InviteCodeException.class, () -> InviteCode.decode(new String(chars)));
        assertTrue(typo.getMessage().contains("damaged"), typo.getMessage());
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode("hello")).getMessage()
                .contains("not a Homeward invite code"));
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode(text.substring(0, 60))).getMessage()
                .contains("damaged"));
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode("HW1AB!C")).getMessage()
                .contains("'!'"));
    }

    @Test
    void aWellCheckedPayloadOfAnotherVersionOrShapeIsRefusedClearly() throws Exception {
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode(withCheck(new byte[] {2, 1})))
                .getMessage().contains("version 2"));
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode(withCheck(new byte[] {1, 9})))
                .getMessage().contains("not well formed"));
        assertTrue(assertThrows(InviteCodeException.class, () -> InviteCode.decode(withCheck(new byte[] {1, 1, 4, 1})))
                .getMessage().contains("not well formed"));
    }

    @Test
    void base32FollowsRfc4648() throws Exception {
        assertEquals("MZXW6YTBOI", InviteCode.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("foobar", new String(InviteCode.unbase32("MZXW6YTBOI"), StandardCharsets.US_ASCII));
    }

    private static String withCheck(byte[] payload) {
        byte[] check = java.util.Arrays.copyOf(InviteCode.sha256().digest(payload), 4);
        byte[] all = java.util.Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, all, payload.length, 4);
        return InviteCode.PREFIX + InviteCode.base32(all);
    }
}
