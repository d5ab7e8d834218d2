package io.homeward.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysCompactlyWithCommasInPlace() {
        JsonWriter json = new JsonWriter().beginObject()
                .member("host", "home")
                .member("port", 4500)
                .member("up", true)
                .member("since", Optional.empty())
                .member("names", List.of("a", "b"))
                .name("peers").beginArray()
                .beginObject().member("rtt", Optional.of(1.5)).member("n", Optional.of(7)).member("t", Optional.of("x"))
                .endObject()
                .beginObject().endObject()
                .endArray()
                .name("ratio").value(Double.NaN)
                .name("nothing").nullValue()
                .endObject();
        assertEquals("{\"host\":\"home\",\"port\":4500,\"up\":true,\"since\":null,\"names\":[\"a\",\"b\"],"
                + "\"peers\":[{\"rtt\":1.5,\"n\":7,\"t\":\"x\"},{}],\"ratio\":null,\"nothing\":null}", json.toString());
    }

    @Test
    void namesAndStringsAreEscaped() {
        assertEquals("{\"a\\\"b\":\"\\u003c/script>\\n\"}",
                new JsonWriter().beginObject().member("a\"b", "</script>\n").endObject().toString());
    }

    @Test
    void anArrayOfScalarsAndAnEmptyArray() {
        assertEquals("[1,\"x\",false,[]]", new JsonWriter().beginArray().value(1).value("x").value(false)
                .beginArray().endArray().endArray().toString());
    }

    @Test
    void misuseFailsAtOnce() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").name("b"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().toString());
    }
}
