package io.homeward.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotesAndEscapes() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u003c/script>\"", Json.quote("a\"b\\c\nd\u0001</script>"));
        assertEquals("\"a\\\"b\\\\c\\u003c\\u0001\"", Json.quote("a\"b\\c<\u0001"));
        assertEquals("\"\\r\\t\\u001f\"", Json.quote("\r\t\u001f"));
    }

    @Test
    void nullIsTheJsonNull() {
        assertEquals("null", Json.quote(null));
    }
}
