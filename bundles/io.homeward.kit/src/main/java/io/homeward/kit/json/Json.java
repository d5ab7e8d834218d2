package io.homeward.kit.json;

import java.util.List;
import java.util.stream.Collectors;

/** JSON string literals and arrays of them (RFC 8259 §7). */
public final class Json {
    private Json() {
    }

    /** The value as a JSON string literal, or the JSON null for null. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                // '<' too, so the document can never close a script element it is embedded in.
                case '<' -> s.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** The values as a JSON array of strings. */
    public static String quoteAll(List<String> values) {
        return values.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
