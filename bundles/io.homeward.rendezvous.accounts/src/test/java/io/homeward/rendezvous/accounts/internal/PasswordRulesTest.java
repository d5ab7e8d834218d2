package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void needsEightCharactersWithoutControlCharacters() {
        assertEquals(Optional.of("a password needs at least 8 characters"), PasswordRules.problem("short".toCharArray()));
        assertTrue(PasswordRules.problem("pass\tword".toCharArray()).orElseThrow().contains("control characters"));
        assertEquals(Optional.empty(), PasswordRules.problem("eight ch".toCharArray()));
    }
}
