package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.auth.TsigKey;

class SignInHtmlTest {

    private static StoredKey stored(String user) {
        return new StoredKey("alice.members.test.", user, new TsigKey("alice.members.test.", "hmac-sha256.",
                new byte[32]), new HostPort("127.0.0.1", 8853), "", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void showsWhoIsSignedInAndOffersSignOut() {
        String html = SignInHtml.render(new SignInStatus(Optional.of(stored("alice")), ""), "");
        assertTrue(html.contains("alice.members.test."));
        assertTrue(html.contains("127.0.0.1:8853"));
        assertTrue(html.contains("value=\"signout\""));
    }

    @Test
    void showsTheLastErrorWhenNotSignedIn() {
        String html = SignInHtml.render(new SignInStatus(Optional.empty(), "wrong password for zone x."), "");
        assertTrue(html.contains("Not signed in"));
        assertTrue(html.contains("wrong password for zone x."));
        assertFalse(html.contains("value=\"signout\""));
    }

    @Test
    void escapesEverythingItShows() {
        String html = SignInHtml.render(new SignInStatus(Optional.of(stored("<script>")), ""), "<b>outcome</b>");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>outcome"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void whoamiNamesUserZoneServerAndLastError() {
        String text = new SignInStatus(Optional.of(stored("alice")), "the stored key could not be verified").describe();
        assertTrue(text.startsWith("Signed in as alice (zone alice.members.test.) since 2026-01-01T00:00:00Z"));
        assertTrue(text.contains("Last error: the stored key could not be verified"));
    }
}
