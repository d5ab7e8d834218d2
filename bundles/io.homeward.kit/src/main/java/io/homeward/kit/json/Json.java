package io.homeward.kit.json;

/** JSON string literals (RFC 8259 §7); documents are written by {@link JsonWriter}. */
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
}
