package io.homeward.kerberos.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.testing.MitTools;
import io.homeward.testkit.MutableClock;

/**
 * The keytab as MIT krb5, which nobody here wrote, reads it: {@code klist -k -e -K -t} lists each key's kvno,
 * timestamp, principal, enctype and the key itself. Skipped, saying so, where MIT's klist is not installed (Debian:
 * {@code krb5-user}).
 */
class MitKlistTest {
    @Test
    void mitKlistListsThePrincipalsKvnosEnctypesAndKeysWritten(@TempDir Path directory) throws Exception {
        MitTools.assumeInstalled(MitTools.KLIST);
        String realm = PrincipalKeyStoreTest.REALM;
        PrincipalKeyStore store = PrincipalKeyStore.open(directory, realm, new SecureRandom(), new MutableClock());
        PrincipalKeys http = store.register(PrincipalKeyStoreTest.HTTP);
        Path exported = directory.resolve("http.keytab");
        Files.write(exported, store.keytab(PrincipalKeyStoreTest.HTTP).orElseThrow());

        List<String> all = klist(directory.resolve(realm + ".keytab"));
        assertEquals(4, all.stream().filter(l -> l.contains("@" + realm)).count(), String.join("\n", all));
        assertListed(all, "krbtgt/" + realm + "@" + realm, 1, "aes256-cts-hmac-sha1-96", null);
        assertListed(all, "krbtgt/" + realm + "@" + realm, 1, "aes256-cts-hmac-sha384-192", null);

        List<String> service = klist(exported);
        assertEquals(2, service.stream().filter(l -> l.contains("@" + realm)).count(), String.join("\n", service));
        assertListed(service, http.principal(), 1, "aes256-cts-hmac-sha1-96",
                http.key(EncryptionType.AES256_CTS_HMAC_SHA1_96));
        assertListed(service, http.principal(), 1, "aes256-cts-hmac-sha384-192",
                http.key(EncryptionType.AES256_CTS_HMAC_SHA384_192));
        assertTrue(service.stream().anyMatch(l -> l.contains("01/01/2026 00:00:00") || l.contains("01/01/26 00:00:00")),
                "the timestamp of the test clock: " + String.join("\n", service));
    }

    /** A line such as {@code 1 01/01/2026 00:00:00 HTTP/h@R (aes256-cts-hmac-sha1-96)  (0x0a1b...)}. */
    private static void assertListed(List<String> lines, String principal, int kvno, String enctype, byte[] key) {
        boolean found = lines.stream().map(String::trim).anyMatch(l -> l.startsWith(kvno + " ")
                && l.contains(" " + principal + " (" + enctype + ")")
                && (key == null || l.endsWith("(0x" + HexFormat.of().formatHex(key) + ")")));
        assertTrue(found, principal + " kvno " + kvno + " " + enctype + " in:\n" + String.join("\n", lines));
    }

    private static List<String> klist(Path keytab) throws Exception {
        Process klist = new ProcessBuilder(MitTools.KLIST.toString(), "-k", "-e", "-K", "-t", keytab.toString())
                .redirectErrorStream(true).start();
        assertTrue(klist.waitFor(20, TimeUnit.SECONDS), "klist ended");
        String output = new String(klist.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, klist.exitValue(), output);
        return output.lines().toList();
    }
}
