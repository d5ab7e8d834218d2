package io.homeward.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.cm.json.io.Configurations;
import org.apache.johnzon.core.JsonProviderImpl;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

/**
 * The JSON (RFC 8259) syntax check of a configuration file, read the way the OSGi Configurator reads it: comments
 * removed by Felix's configuration JSON support, then parsed by the runtime's jakarta.json provider (Johnzon). The
 * first error is reported with its line and column, so a bad file is refused with one line before the runtime
 * starts. Columns do not count a block comment earlier on the same line.
 */
final class JsonCheck {
    private static final JsonParserFactory PARSERS = new JsonProviderImpl().createParserFactory(Map.of());
    private static final int MAX_DEPTH = 64;
    /** What went wrong in Johnzon's "Unexpected character … Reason is [[what]]". */
    private static final Pattern REASON = Pattern.compile("Reason is \\[\\[(.*)]]$", Pattern.DOTALL);
    /** What went wrong in Johnzon's other messages, such as "Invalid escape sequence 'q' (Codepoint: 113". */
    private static final Pattern HEAD = Pattern.compile("^(.*?) \\(Codepoint", Pattern.DOTALL);

    private final String text;
    private final String json;
    /** The closing characters of the objects and arrays open where the parser is, innermost first. */
    private final Deque<Character> open = new ArrayDeque<>();

    private JsonCheck(String text, String json) {
        this.text = text;
        this.json = json;
    }

    /** Throws with "line L, column C: what was wrong" for the first error. */
    static void check(String text) throws JsonError {
        StringWriter json = new StringWriter();
        try {
            Configurations.jsonCommentAwareReader(new StringReader(text)).transferTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string", e);
        }
        new JsonCheck(text, json.toString()).parse();
    }

    private void parse() throws JsonError {
        int first = json.length() - json.stripLeading().length();
        if (!json.startsWith("{", first)) {
            throw new JsonError(place(json, first) + "a configuration file is one JSON object, starting with '{'");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            try {
                while (parser.hasNext()) {
                    follow(parser);
                }
            } catch (JsonParsingException e) {
                throw failure(parser, e);
            }
        }
    }

    private void follow(JsonParser parser) throws JsonError {
        switch (parser.next()) {
            case START_OBJECT -> open.push('}');
            case START_ARRAY -> open.push(']');
            case END_OBJECT, END_ARRAY -> open.pop();
            default -> {
                return;
            }
        }
        if (open.size() > MAX_DEPTH) {
            throw new JsonError(place(json, consumed(parser) - 1) + "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Johnzon counts the character it stopped at as read, so its offset is one past that character, and past the
     * end of the text when the file ended early.
     */
    private JsonError failure(JsonParser parser, JsonParsingException e) {
        int offset = consumed(parser);
        if (offset > json.length() && !open.isEmpty()) {
            return new JsonError(place(text, text.length()) + "the file ends where '" + open.peek() + "' was expected");
        }
        return new JsonError(place(json, Math.min(offset, json.length()) - 1) + what(e.getMessage()));
    }

    private static String what(String message) {
        Matcher reason = REASON.matcher(message);
        if (reason.find()) {
            return reason.group(1);
        }
        Matcher head = HEAD.matcher(message);
        return head.find() ? head.group(1) : message;
    }

    private static int consumed(JsonParser parser) {
        return (int) parser.getLocation().getStreamOffset();
    }

    /** "line L, column C: " of the character at {@code index} (0-based) of {@code in}. */
    private static String place(String in, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(Math.max(index, 0), in.length()); i++) {
            if (in.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column + ": ";
    }

    /** The first syntax error in a file. */
    static final class JsonError extends Exception {
        private static final long serialVersionUID = 1L;

        JsonError(String message) {
            super(message);
        }
    }
}
