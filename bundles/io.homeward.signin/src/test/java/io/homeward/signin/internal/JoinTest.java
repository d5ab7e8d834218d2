package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.enroll.InviteCode;

/** Joining with an invite code: one step, no other setting, and one clear line when it cannot. */
class JoinTest {
    private static final byte[] SECRET = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path data;

    private TestRendezvous rendezvous;
    private final List<String> applied = new ArrayList<>();
    private final AgentSettings settings = (dns, tls, pin, stun, host) -> applied.add(dns + " " + tls + " " + pin + " "
            + stun + " " + host);

    @BeforeEach
    void start() throws Exception {
        rendezvous = new TestRendezvous("desktop", "laptop");
    }

    @AfterEach
    void stop() throws Exception {
        rendezvous.close();
    }

    @Test
    void aCodeForAHostEnrollsItStoresEverythingAndPointsTheAgentAtTheRendezvous() throws Exception {
        InviteCode code = rendezvous.invite(Optional.of("desktop"), SECRET);

        StoredKey stored = rendezvous.manager(data, "laptop").join(code.encode(), Optional.of(settings));

        assertEquals("desktop.alice.members.test.", stored.key().name());
        assertEquals("alice", stored.user());
        assertEquals(TestRendezvous.ZONE, stored.zone());
        assertEquals(rendezvous.est.fingerprint(), stored.pin());
        assertEquals("desktop.alice.members.test.", rendezvous.publisher.published.tsigKey().name());
        assertEquals(List.of("127.0.0.1:53 " + rendezvous.dns.address() + " " + rendezvous.est.fingerprint()
                + " 127.0.0.1:3478 desktop"), applied);
        String file = Files.readString(data.resolve("signin/credentials.properties"));
        assertFalse(file.contains(Base64.getEncoder().encodeToString(SECRET)), "the invite's secret is not kept");
        assertTrue(file.contains("estServer=127.0.0.1\\:" + rendezvous.est.address().port()), file);

        SignInManager restarted = rendezvous.manager(data, "laptop");
        assertTrue(restarted.resume());
        assertEquals(2, rendezvous.publisher.published.certificateChain().size());
    }

    @Test
    void aCodeWithoutAHostUsesTheMachinesOwnName() throws Exception {
        InviteCode code = rendezvous.invite(Optional.empty(), SECRET);

        StoredKey stored = rendezvous.manager(data, "laptop").join(code.encode(), Optional.empty());

        assertEquals("laptop.alice.members.test.", stored.key().name());
    }

    @Test
    void aUsedCodeGetsTheServersLine() throws Exception {
        InviteCode code = rendezvous.invite(Optional.of("desktop"), SECRET);
        rendezvous.manager(data, "laptop").join(code.encode(), Optional.empty());

        SignInManager other = rendezvous.manager(data.resolve("other"), "laptop");
        SignInException e = assertThrows(SignInException.class, () -> other.join(code.encode(), Optional.empty()));

        assertTrue(e.getMessage().startsWith("this invite was already used; ask for a new one"), e.getMessage());
        assertTrue(other.status().lastError().contains("already used"));
    }

    @Test
    void damagedForeignAndNewerCodesAreOneLineAndTouchNothing() throws Exception {
        String good = rendezvous.invite(Optional.of("desktop"), SECRET).encode();
        int middle = good.length() / 2;
        String damaged = good.substring(0, middle) + (good.charAt(middle) == 'A' ? 'B' : 'A')
                + good.substring(middle + 1);
        SignInManager manager = rendezvous.manager(data, "laptop");

        assertTrue(message(manager, damaged).contains("damaged"));
        assertTrue(message(manager, "hello").contains("not a Homeward invite code"));
        assertTrue(message(manager, "HW1!!!!").contains("cannot contain"));
        assertTrue(message(manager, version2(good)).contains("version 2"), message(manager, version2(good)));
        assertFalse(Files.exists(data.resolve("signin/credentials.properties")));
        assertNull(rendezvous.publisher.published);
        assertTrue(rendezvous.est.issued.isEmpty());
    }

    @Test
    void aForgedCodeIsRefusedByTheServer() throws Exception {
        InviteCode real = rendezvous.invite(Optional.of("desktop"), SECRET);
        InviteCode forged = new InviteCode(real.addresses(), real.dnsPort(), real.tlsPort(), real.estPort(),
                real.stunPort(), real.pin(), real.zone(), real.host(), "fedcba9876543210".getBytes());

        String line = message(rendezvous.manager(data, "laptop"), forged.encode());

        assertTrue(line.startsWith("unknown invite or key"), line);
    }

    private static String message(SignInManager manager, String code) {
        return assertThrows(SignInException.class, () -> manager.join(code, Optional.empty())).getMessage();
    }

    /** The same code claiming version 2, with a correct check, as a newer rendezvous would write. */
    private static String version2(String code) throws Exception {
        byte[] raw = unbase32(code.substring(3));
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        payload[0] = 2;
        byte[] check = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(payload), 4);
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, all, payload.length, 4);
        return "HW1" + base32(all);
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static byte[] unbase32(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String base32(byte[] data) {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return text.toString();
    }

    @Test
    void theFirstReachableOfTheInvitesAddressesIsUsed() throws Exception {
        InviteCode local = rendezvous.invite(Optional.of("desktop"), SECRET);
        InviteCode twoAddresses = new InviteCode(List.of(InetAddress.getByName("192.0.2.1"),
                InetAddress.getLoopbackAddress()), local.dnsPort(), local.tlsPort(), local.estPort(), local.stunPort(),
                local.pin(), local.zone(), local.host(), SECRET);

        StoredKey stored = rendezvous.manager(data, "laptop").join(twoAddresses.encode(), Optional.of(settings));

        assertEquals("desktop.alice.members.test.", stored.key().name());
        assertTrue(applied.get(0).startsWith("127.0.0.1:53 "), applied.toString());
    }
}
