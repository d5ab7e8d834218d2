package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.dns.Fingerprints;

class InputParsingTest {
    private static final String PIN = "AB:".repeat(31) + "AB";

    @TempDir
    Path dir;

    @Test
    void hostPortAcceptsNamesIpv4AndBracketedIpv6() {
        assertEquals(new HostPort("rendezvous.example", 853), HostPort.parse("rendezvous.example:853"));
        assertEquals(new HostPort("::1", 8853), HostPort.parse("[::1]:8853"));
        assertEquals("[::1]:8853", HostPort.parse("[::1]:8853").toString());
    }

    @Test
    void hostPortRejectsWhatItCannotUseWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("example"))
                .getMessage().contains("host:port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("::1:53"))
                .getMessage().contains("[address]:port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:70000"))
                .getMessage().contains("between 1 and 65535"));
    }

    @Test
    void pinsAreAcceptedWithOrWithoutColonsInAnyCase() {
        assertEquals(PIN, Fingerprints.normalize(PIN.replace(":", "").toLowerCase()));
        assertEquals("", Fingerprints.normalize("  "));
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize("AB:CD"));
    }

    @Test
    void requestsAreNormalizedAndCheckedBeforeAnyTraffic() {
        SignInRequest request = SignInRequest.of("Alice.Members.Example", "alice", " ", PIN);
        assertEquals("alice.members.example.", request.zone());
        assertEquals(Optional.empty(), request.server());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignInRequest.of("", "alice", "", ""))
                .getMessage().contains("zone is required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignInRequest.of("z.", "al ice", "", ""))
                .getMessage().contains("user name is not valid"));
    }

    @Test
    void aPasswordFileGivesItsFirstLineOnly() throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret pass\nsecond line\n");
        assertArrayEquals("s3cret pass".toCharArray(), PasswordFile.read(file));
    }

    @Test
    void aMissingOrEmptyPasswordFileIsNamed() throws Exception {
        Path missing = dir.resolve("nope");
        assertTrue(assertThrows(SignInException.class, () -> PasswordFile.read(missing)).getMessage()
                .contains(missing.toString()));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertTrue(assertThrows(SignInException.class, () -> PasswordFile.read(empty)).getMessage().contains("empty"));
    }
}
