package io.homeward.rendezvous.console.internal;

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
        assertEquals("laptop.alice.members.example. 60", Html.escape("laptop.alice.members.example. 60"));
        assertEquals("42", Html.escape(42L));
    }
}
