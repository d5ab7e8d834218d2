package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCheckTest {

    @Test
    void acceptsConfiguratorFiles() {
        assertDoesNotThrow(() -> JsonCheck.check("""
                // defaults
                {
                  ":configurator:resource-version": 1,
                  "io.homeward.identity": { "hostName": "laptop", "n": -1.5e3, "list": [true, false, null], "esc": "a\\"\\u00e9" },
                  /* empty */ "x": {}, "y": []
                }
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1]                       | line 1, column 1: a configuration file is one JSON object, starting with '{'",
        "''                        | line 1, column 1: a configuration file is one JSON object, starting with '{'",
        "{\"a\": 1,}               | line 1, column 9: Expected \" ] { } LITERAL",
        "{\"a\" 1}                 | line 1, column 6: Expected : , [",
        "{\"a\": tru}              | line 1, column 10: Expected LITERAL: true",
        "{\"a\": 1} x              | line 1, column 10: EOF expected",
        "{\"a\": \"open            | line 1, column 12: the file ends where '}' was expected",
        "{\"a\": 01x}              | line 1, column 8: Leading zeros not allowed",
        "{\"a\": \"\\q\"}          | line 1, column 9: Invalid escape sequence 'q'",
        "{\"a\": [1, 2             | line 1, column 12: the file ends where ']' was expected",
        "{\"a\": 1 /* open         | line 1, column 16: the file ends where '}' was expected",
    })
    void reportsTheFirstErrorWithItsPlace(String json, String expected) {
        assertEquals(expected, assertThrows(JsonCheck.JsonError.class, () -> JsonCheck.check(json)).getMessage());
    }

    @Test
    void countsLines() {
        assertEquals("line 3, column 3: Expected \" ] { } LITERAL",
                assertThrows(JsonCheck.JsonError.class, () -> JsonCheck.check("{\n \"a\":\n  }")).getMessage());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals("nesting deeper than 64 levels",
                assertThrows(JsonCheck.JsonError.class, () -> JsonCheck.check(deep)).getMessage().replaceFirst("^line 1, column \\d+: ", ""));
    }
}
