package io.homeward.embedded.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NamesAndPasswordsTest {

    @Test
    void machineUserNamesBecomeDnsLabels() {
        assertEquals("alice", UserLabel.of("alice"));
        assertEquals("alice-smith", UserLabel.of("Alice Smith"));
        assertEquals("svc-build", UserLabel.of("_svc.build_"));
        assertEquals(63, UserLabel.of("a".repeat(80)).length());
    }

    @Test
    void namesThatCannotBeLabelsFallBackToHomeward() {
        assertEquals("homeward", UserLabel.of("名前"));
        assertEquals("homeward", UserLabel.of(""));
        assertEquals("homeward", UserLabel.of(null));
    }

    @Test
    void passwordsAreTwentyUnambiguousCharacters() {
        char[] password = RandomPassword.generate(new Random(1));
        assertEquals(20, password.length);
        assertTrue(new String(password).matches("[a-km-zA-HJ-NP-Z2-9]{20}"), new String(password));
    }
}
