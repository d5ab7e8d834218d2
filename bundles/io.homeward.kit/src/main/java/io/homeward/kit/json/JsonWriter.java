package io.homeward.kit.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Writes one compact JSON document (RFC 8259) value by value, so no page builds JSON by concatenating text: names and
 * strings are escaped by {@link Json#quote}, commas and brackets placed by the writer, and misuse (a value without a
 * name inside an object, an unclosed object) fails at once instead of producing broken JSON.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder(256);
    /** One entry per open object or array: whether it is an object, and whether it holds a member yet. */
    private final Deque<Scope> open = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean done;

    private static final class Scope {
        final boolean object;
        boolean hasMember;

        Scope(boolean object) {
            this.object = object;
        }
    }

    /** Opens an object where a value may go. */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new Scope(true));
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        return end(true, '}');
    }

    /** Opens an array where a value may go. */
    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new Scope(false));
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        return end(false, ']');
    }

    /** The name of the next member of the innermost object. */
    public JsonWriter name(String name) {
        Scope scope = open.peek();
        if (scope == null || !scope.object || nameWritten) {
            throw new IllegalStateException("a name belongs inside an object, before its value: " + name);
        }
        if (scope.hasMember) {
            out.append(',');
        }
        scope.hasMember = true;
        out.append(Json.quote(name)).append(':');
        nameWritten = true;
        return this;
    }

    /** A string, or null. */
    public JsonWriter value(String value) {
        beforeValue();
        out.append(Json.quote(value));
        return this;
    }

    /** The value if present — a number or boolean as such, anything else as its text — null if not. */
    public JsonWriter value(Optional<?> value) {
        Object v = value.orElse(null);
        if (v instanceof Double || v instanceof Float) {
            return value(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return value(n.longValue());
        }
        if (v instanceof Boolean b) {
            return value(b.booleanValue());
        }
        return value(v == null ? null : v.toString());
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A finite number; NaN and infinities have no JSON form and are written as null. */
    public JsonWriter value(double value) {
        beforeValue();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** A member: {@code name(name).value(value)}. */
    public JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    /** A member: {@code name(name).value(value)}. */
    public JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    /** A member: {@code name(name).value(value)}. */
    public JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    /** A member: {@code name(name).value(value)}, null when empty. */
    public JsonWriter member(String name, Optional<?> value) {
        return name(name).value(value);
    }

    /** A member holding an array of strings. */
    public JsonWriter member(String name, Iterable<String> values) {
        name(name).beginArray();
        values.forEach(this::value);
        return endArray();
    }

    /** The document; every object and array must be closed. */
    @Override
    public String toString() {
        if (!open.isEmpty() || !done) {
            throw new IllegalStateException("the JSON document is not complete: " + out);
        }
        return out.toString();
    }

    private void beforeValue() {
        Scope scope = open.peek();
        if (scope == null) {
            if (done) {
                throw new IllegalStateException("a JSON document holds one value");
            }
            done = true;
        } else if (scope.object) {
            if (!nameWritten) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            nameWritten = false;
        } else {
            if (scope.hasMember) {
                out.append(',');
            }
            scope.hasMember = true;
        }
    }

    private JsonWriter end(boolean object, char bracket) {
        Scope scope = open.peek();
        if (scope == null || scope.object != object || nameWritten) {
            throw new IllegalStateException("nothing to close with " + bracket + " here: " + out);
        }
        open.pop();
        out.append(bracket);
        return this;
    }
}
