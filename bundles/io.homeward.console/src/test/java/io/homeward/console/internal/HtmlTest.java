package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("fd3c:9a51::1 AutoTunnel-02-1B", Html.escape("fd3c:9a51::1 AutoTunnel-02-1B"));
        assertEquals("null", Html.escape(null));
    }
}
