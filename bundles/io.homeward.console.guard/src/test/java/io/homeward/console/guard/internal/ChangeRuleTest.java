package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChangeRuleTest {
    private static final String SELF = "http://127.0.0.1:8080";
    private final ChangeRule rule = new ChangeRule(List.of());

    @Test
    void theConsolesOwnOriginWithTheTokenPasses() {
        assertEquals(Optional.empty(), rule.judge(SELF, "http://127.0.0.1:8080", null, true));
    }

    @Test
    void anotherSiteIsRefusedEvenWithTheToken() {
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "http://evil.example", null, true));
    }

    @Test
    void anotherPortOrSchemeOfTheSameHostIsAnotherOrigin() {
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "http://127.0.0.1:9999", null, true));
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "https://127.0.0.1:8080", null, true));
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "http://localhost:8080", null, true));
    }

    @Test
    void anOpaqueOriginIsRefused() {
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "null", SELF + "/system/console/bundles", true));
    }

    @Test
    void theRefererStandsInOnlyWhenOriginIsAbsent() {
        assertEquals(Optional.empty(), rule.judge(SELF, null, "http://127.0.0.1:8080/system/console/bundles?x=1", true));
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, null, "http://evil.example/page.html", true));
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, "http://evil.example", SELF + "/system/console", true));
    }

    @Test
    void aRequestWithNeitherOriginNorRefererIsRefused() {
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), rule.judge(SELF, null, null, true));
    }

    @Test
    void theRightOriginWithoutTheTokenIsRefused() {
        assertEquals(Optional.of(Refusal.NO_TOKEN), rule.judge(SELF, SELF, null, false));
    }

    @Test
    void defaultPortsAndCaseDoNotMatter() {
        assertEquals(Optional.empty(), rule.judge("http://Console.Example", "http://console.example:80", null, true));
        assertEquals(Optional.empty(), rule.judge("https://[::1]:443", "https://[::1]", null, true));
    }

    @Test
    void aTrustedOriginPassesAndMalformedOnesAreIgnored() {
        ChangeRule behindProxy = new ChangeRule(List.of("https://home.example", "not an origin", "ftp://x.example"));
        assertEquals(java.util.Set.of("https://home.example:443"), behindProxy.trusted());
        assertEquals(Optional.empty(), behindProxy.judge(SELF, "https://home.example", null, true));
        assertEquals(Optional.of(Refusal.CROSS_ORIGIN), behindProxy.judge(SELF, "http://home.example", null, true));
    }

    @Test
    void originsAreSchemeHostAndPort() {
        assertEquals(Optional.of("http://127.0.0.1:8080"), ChangeRule.origin("http://127.0.0.1:8080/system/console?a=b#c"));
        assertEquals(Optional.of("https://example.org:443"), ChangeRule.origin("HTTPS://Example.org"));
        assertEquals(Optional.empty(), ChangeRule.origin("null"));
        assertEquals(Optional.empty(), ChangeRule.origin("file:///etc/passwd"));
        assertEquals(Optional.empty(), ChangeRule.origin("http://bad host/"));
    }
}
