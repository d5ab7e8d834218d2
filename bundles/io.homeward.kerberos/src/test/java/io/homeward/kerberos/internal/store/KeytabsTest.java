package io.homeward.kerberos.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeytabsTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final Instant MADE = Instant.parse("2026-01-01T00:00:00Z");

    private static KeytabEntry entry(String service, long kvno, int enctype, int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new KeytabEntry(List.of(service, "home.alice.members.example"), REALM, 3, MADE, kvno, enctype, key);
    }

    @Test
    void writesTheMitLayoutOctetForOctet() {
        KeytabEntry entry = new KeytabEntry(List.of("a", "bc"), "R", 1, Instant.ofEpochSecond(0x01020304L), 0x105,
                18, new byte[] {9, 8});
        String expected = "0502" + "0000001f" // version, entry length 31
                + "0002" + "0001" + "52" + "0001" + "61" + "0002" + "6263" // 2 components, realm R, a, bc
                + "00000001" + "01020304" + "05" // name type, timestamp, kvno low 8 bits
                + "0012" + "0002" + "0908" // enctype 18, key
                + "00000105"; // the 32-bit kvno
        assertEquals(expected, HexFormat.of().formatHex(Keytabs.write(List.of(entry))));
    }

    @Test
    void readsWhatItWrote() throws Exception {
        List<KeytabEntry> written = List.of(entry("HTTP", 1, 18, 1), entry("HTTP", 1, 20, 2),
                entry("host", 300, 18, 3));
        List<KeytabEntry> read = Keytabs.read(Keytabs.write(written));
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(written.get(i).components(), read.get(i).components());
            assertEquals(written.get(i).realm(), read.get(i).realm());
            assertEquals(written.get(i).nameType(), read.get(i).nameType());
            assertEquals(written.get(i).timestamp(), read.get(i).timestamp());
            assertEquals(written.get(i).kvno(), read.get(i).kvno());
            assertEquals(written.get(i).enctype(), read.get(i).enctype());
            assertArrayEquals(written.get(i).key(), read.get(i).key());
        }
        assertEquals("host/home.alice.members.example@" + REALM, read.get(2).principal());
    }

    @Test
    void skipsHolesAndStopsAtAZeroLength() throws Exception {
        byte[] one = Keytabs.write(List.of(entry("HTTP", 1, 18, 1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {5, 2});
        out.writeBytes(ByteBuffer.allocate(4).putInt(-6).array());
        out.writeBytes(new byte[6]);
        out.writeBytes(Arrays.copyOfRange(one, 2, one.length));
        out.writeBytes(new byte[4]);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5});
        List<KeytabEntry> read = Keytabs.read(out.toByteArray());
        assertEquals(1, read.size());
        assertEquals(1, read.get(0).kvno());
    }

    @Test
    void usesTheEightBitKvnoWhenTheLongOneIsMissingOrZero() throws Exception {
        byte[] full = Keytabs.write(List.of(entry("HTTP", 7, 18, 1)));
        byte[] withoutTail = Arrays.copyOf(full, full.length - 4);
        ByteBuffer.wrap(withoutTail).putInt(2, ByteBuffer.wrap(full).getInt(2) - 4);
        assertEquals(7, Keytabs.read(withoutTail).get(0).kvno());
        byte[] zeroTail = full.clone();
        Arrays.fill(zeroTail, full.length - 4, full.length, (byte) 0);
        assertEquals(7, Keytabs.read(zeroTail).get(0).kvno());
    }

    @Test
    void refusesWhatIsNotAKeytabWithOneLine() {
        byte[] good = Keytabs.write(List.of(entry("HTTP", 1, 18, 1)));
        assertMalformed(new byte[] {5}, "too short");
        assertMalformed(new byte[] {5, 1, 0, 0, 0, 0}, "0x0501");
        assertMalformed(Arrays.copyOf(good, good.length - 1), "claims");
        assertMalformed(Arrays.copyOf(good, 4), "ends inside the length");
        byte[] shortBody = good.clone();
        ByteBuffer.wrap(shortBody).putShort(8, (short) 200); // the realm's length runs past the entry
        assertMalformed(shortBody, "ends inside one of its fields");
        byte[] noComponents = good.clone();
        ByteBuffer.wrap(noComponents).putShort(6, (short) 0);
        assertMalformed(noComponents, "0 name components");
    }

    private static void assertMalformed(byte[] keytab, String fragment) {
        MalformedKeytabException e = assertThrows(MalformedKeytabException.class, () -> Keytabs.read(keytab));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void mutatedKeytabsGiveEntriesOrAOneLineErrorAndNothingElse() {
        byte[] good = Keytabs.write(List.of(entry("HTTP", 1, 18, 1), entry("HTTP", 300, 20, 2)));
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(3) == 0 ? 1 + random.nextInt(good.length + 8) : good.length;
            byte[] mutated = Arrays.copyOf(good, length);
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                Keytabs.read(mutated);
            } catch (MalformedKeytabException e) {
                assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    @Test
    void javasOwnKeytabReaderFindsTheKeys(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("service.keytab");
        Files.write(file, Keytabs.write(List.of(entry("HTTP", 4, 18, 1), entry("HTTP", 4, 20, 2))));
        KeyTab keytab = KeyTab.getInstance(file.toFile());
        KerberosKey[] keys = keytab.getKeys(
                new KerberosPrincipal("HTTP/home.alice.members.example@" + REALM, KerberosPrincipal.KRB_NT_SRV_HST));
        assertEquals(2, keys.length);
        KerberosKey sha1 = Arrays.stream(keys).filter(k -> k.getKeyType() == 18).findFirst().orElseThrow();
        assertEquals(4, sha1.getVersionNumber());
        assertArrayEquals(entry("HTTP", 4, 18, 1).key(), sha1.getEncoded());
        assertTrue(Arrays.stream(keys).anyMatch(k -> k.getKeyType() == 20));
    }
}
