package io.homeward.kit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("fd3c:9a51::1 AutoTunnel-02-1B", Html.escape("fd3c:9a51::1 AutoTunnel-02-1B"));
        assertEquals("laptop.alice.members.example. 60", Html.escape("laptop.alice.members.example. 60"));
    }

    @Test
    void showsAnyValueAsItsText() {
        assertEquals("42", Html.escape(42L));
        assertEquals("null", Html.escape(null));
    }
}
