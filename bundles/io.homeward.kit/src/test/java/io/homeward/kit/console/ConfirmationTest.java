package io.homeward.kit.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfirmationTest {

    @Test
    void thePageAsksAndRepeatsTheFormConfirmed() {
        Map<String, String[]> form = new LinkedHashMap<>();
        form.put("action", new String[] {"revoke"});
        form.put("host", new String[] {"laptop\"><script>"});
        String page = Confirmation.page("Revoke laptop?", "Revoke", "/system/console/homeward-machines", form);

        assertTrue(page.contains("<h2 id=\"confirm-question\">Revoke laptop?</h2>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/system/console/homeward-machines\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"action\" value=\"revoke\">"), page);
        assertTrue(page.contains("name=\"host\" value=\"laptop&quot;&gt;&lt;script&gt;\""), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"), page);
        assertTrue(page.contains("<a href=\"/system/console/homeward-machines\" id=\"cancel\">Cancel</a>"), page);
        assertFalse(page.contains("<script>"), page);
    }

    @Test
    void aPasswordOrAnEarlierConfirmationIsNeverRepeated() {
        Map<String, String[]> form = new LinkedHashMap<>();
        form.put("action", new String[] {"remove"});
        form.put("Password", new String[] {"secret"});
        form.put("confirmed", new String[] {"no"});
        String page = Confirmation.page("Remove?", "Remove", "/x", form);

        assertFalse(page.contains("secret"), page);
        assertFalse(page.contains("value=\"no\""), page);
    }
}
