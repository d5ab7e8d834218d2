package io.homeward.rendezvous.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotesAndEscapes() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u003c/script>\"", Json.quote("a\"b\\c\nd\u0001</script>"));
    }

    @Test
    void nullIsTheJsonNull() {
        assertEquals("null", Json.quote(null));
    }
}
