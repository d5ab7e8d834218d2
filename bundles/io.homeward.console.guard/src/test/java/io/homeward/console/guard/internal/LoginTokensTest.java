package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginTokensTest {
    private static final String ADMIN = "Basic YWRtaW46c2VjcmV0";
    private final LoginTokens tokens = new LoginTokens("a secret of thirty-two bytes....".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aLoginsTokenMatchesItself() {
        assertTrue(tokens.matches(ADMIN, List.of(tokens.tokenFor(ADMIN))));
        assertEquals(43, tokens.tokenFor(ADMIN).length(), "256 bits, base64url without padding");
    }

    @Test
    void anotherLoginOrAnotherSecretGivesAnotherToken() {
        assertNotEquals(tokens.tokenFor(ADMIN), tokens.tokenFor("Basic YWRtaW46b3RoZXI="));
        assertNotEquals(tokens.tokenFor(ADMIN), LoginTokens.random().tokenFor(ADMIN));
        assertFalse(tokens.matches("Basic YWRtaW46b3RoZXI=", List.of(tokens.tokenFor(ADMIN))));
    }

    @Test
    void aPlantedValueBesideTheRightOneDoesNotHide() {
        assertTrue(tokens.matches(ADMIN, List.of("planted", tokens.tokenFor(ADMIN))));
        assertFalse(tokens.matches(ADMIN, List.of("planted", "")));
        assertFalse(tokens.matches(ADMIN, List.of()));
    }
}
