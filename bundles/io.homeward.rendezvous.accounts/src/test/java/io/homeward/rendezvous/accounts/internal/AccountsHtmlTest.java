package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.accounts.Account;
import io.homeward.testkit.RecordingLogger;

class AccountsHtmlTest {
    @TempDir
    Path data;

    @Test
    void listsEachUserWithZoneDatesAndForms() {
        Instant created = Instant.parse("2026-03-01T10:00:00Z");
        Instant changed = Instant.parse("2026-04-02T11:30:00Z");
        String html = AccountsHtml.render("members.example.",
                List.of(new Account("alice", "alice.members.example.", created, changed)), null);
        assertTrue(html.contains("1 user under members.example."), html);
        assertTrue(html.contains("<td>alice</td><td>alice.members.example.</td><td>2026-03-01T10:00:00Z</td>"
                + "<td>2026-04-02T11:30:00Z</td>"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"action\" value=\"passwd\"><input type=\"hidden\" name=\"user\" value=\"alice\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"action\" value=\"remove\"><input type=\"hidden\" name=\"user\" value=\"alice\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"action\" value=\"add\">"), html);
        assertFalse(html.contains("ui-state-error"));
    }

    @Test
    void showsARefusalEscaped() {
        FormOutcome refused = AccountForm.apply(TestComponents.accounts(data, new RecordingLogger()), AccountForm.ADD,
                "<script>alert(1)</script>", "long enough");
        assertFalse(refused.ok());
        String html = AccountsHtml.render("members.example.", List.of(), refused);
        assertTrue(html.contains("<p class=\"ui-state-error\" role=\"status\">&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; cannot be a user name"), html);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("0 users under members.example."), html);
    }
}
