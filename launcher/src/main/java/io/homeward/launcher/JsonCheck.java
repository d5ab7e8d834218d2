package io.homeward.launcher;

/**
 * A strict JSON (RFC 8259) syntax check that reports the first error with its line and column,
 * so a bad configuration file is refused with one line before the runtime starts. The OSGi
 * Configurator additionally allows comments; so does this check.
 */
final class JsonCheck {
    private final String text;
    private int pos;

    private JsonCheck(String text) {
        this.text = text;
    }

    /** Throws with "line L, column C: what was wrong" for the first error. */
    static void check(String text) throws JsonError {
        JsonCheck check = new JsonCheck(text);
        check.skipSpace();
        if (check.peek() != '{') {
            throw check.error("a configuration file is one JSON object, starting with '{'");
        }
        check.value(0);
        check.skipSpace();
        if (check.pos < text.length()) {
            throw check.error("unexpected text after the closing '}'");
        }
    }

    private void value(int depth) throws JsonError {
        if (depth > 64) {
            throw error("nesting deeper than 64 levels");
        }
        skipSpace();
        char c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error(pos >= text.length() ? "the file ends inside a value" : "expected a value, found '" + c + "'");
                }
            }
        }
    }

    private void object(int depth) throws JsonError {
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted property name");
            }
            string();
            skipSpace();
            expect(':');
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array(int depth) throws JsonError {
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() throws JsonError {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character inside a string (escape it)");
            }
            if (c == '\\') {
                char e = pos < text.length() ? text.charAt(pos++) : '\0';
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (pos >= text.length() || Character.digit(text.charAt(pos++), 16) < 0) {
                            throw error("\\u needs four hex digits");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
        throw error("the file ends inside a string");
    }

    private void number() throws JsonError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        if (pos == start) {
            throw error("expected a number");
        }
    }

    private void digits() throws JsonError {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private void literal(String word) throws JsonError {
        if (!text.startsWith(word, pos)) {
            throw error("expected '" + word + "'");
        }
        pos += word.length();
    }

    private void expect(char c) throws JsonError {
        if (peek() != c) {
            throw error(pos >= text.length() ? "the file ends where '" + c + "' was expected" : "expected '" + c + "', found '" + peek() + "'");
        }
        pos++;
    }

    private void skipSpace() throws JsonError {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("a comment is never closed");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private JsonError error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonError("line " + line + ", column " + column + ": " + what);
    }

    /** The first syntax error in a file. */
    static final class JsonError extends Exception {
        private static final long serialVersionUID = 1L;

        JsonError(String message) {
            super(message);
        }
    }
}
