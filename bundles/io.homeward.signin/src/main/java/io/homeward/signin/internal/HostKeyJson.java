package io.homeward.signin.internal;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.homeward.api.auth.TsigKey;

/**
 * The answer of {@code /.well-known/homeward/hostkey}: a JSON object (RFC 8259) of exactly three strings,
 * {@code {name, algorithm, secret}}, the secret in base64; and that of {@code /.well-known/homeward/rename}, the same
 * with a fourth, {@code certificate}, the new host certificate's DER in base64. Read strictly: anything else is
 * refused.
 */
final class HostKeyJson {
    private static final Set<String> FIELDS = Set.of("name", "algorithm", "secret");
    private static final Set<String> RENAMED_FIELDS = Set.of("name", "algorithm", "secret", "certificate");
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_RENAMED_LENGTH = 16 * 1024;

    /**
     * A rename's answer.
     *
     * @param key         the host's key under its new name
     * @param certificate the certificate for the new name, DER
     */
    record Renamed(TsigKey key, byte[] certificate) {
    }

    private final String text;
    private int at;

    private HostKeyJson(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static TsigKey parse(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the answer is too long");
        }
        Map<String, String> fields = new HostKeyJson(json).object();
        if (!fields.keySet().equals(FIELDS)) {
            throw new IllegalArgumentException("expected exactly name, algorithm and secret, got " + fields.keySet());
        }
        return key(fields);
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static Renamed parseRenamed(String json) {
        if (json.length() > MAX_RENAMED_LENGTH) {
            throw new IllegalArgumentException("the answer is too long");
        }
        Map<String, String> fields = new HostKeyJson(json).object();
        if (!fields.keySet().equals(RENAMED_FIELDS)) {
            throw new IllegalArgumentException("expected exactly name, algorithm, secret and certificate, got "
                    + fields.keySet());
        }
        return new Renamed(key(fields), Base64.getDecoder().decode(fields.get("certificate")));
    }

    private static TsigKey key(Map<String, String> fields) {
        String name = fields.get("name");
        byte[] secret = Base64.getDecoder().decode(fields.get("secret"));
        if (secret.length < 16) {
            throw new IllegalArgumentException("the secret is shorter than 16 bytes");
        }
        return new TsigKey(name.endsWith(".") ? name : name + ".", fields.get("algorithm"), secret);
    }

    private Map<String, String> object() {
        Map<String, String> fields = new HashMap<>();
        expect('{');
        if (peek() == '}') {
            at++;
        } else {
            do {
                String key = string();
                expect(':');
                if (fields.put(key, string()) != null) {
                    throw new IllegalArgumentException("'" + key + "' appears twice");
                }
            } while (next(',', '}') == ',');
        }
        skipSpace();
        if (at != text.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        return fields;
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw new IllegalArgumentException("a cut \\u escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("a bad escape \\" + escaped);
                }
            } else if (c < 0x20) {
                throw new IllegalArgumentException("a control character in a string");
            } else {
                value.append(c);
            }
        }
    }

    private char next(char first, char second) {
        skipSpace();
        char c = charAt(at++);
        if (c != first && c != second) {
            throw new IllegalArgumentException("expected '" + first + "' or '" + second + "' at " + (at - 1));
        }
        return c;
    }

    private void expect(char wanted) {
        skipSpace();
        if (charAt(at++) != wanted) {
            throw new IllegalArgumentException("expected '" + wanted + "' at " + (at - 1));
        }
    }

    private char peek() {
        skipSpace();
        return charAt(at);
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char charAt(int index) {
        if (index >= text.length()) {
            throw new IllegalArgumentException("the JSON ends early");
        }
        return text.charAt(index);
    }
}
