package io.homeward.signin.internal;


import io.homeward.kit.json.JsonWriter;

/**
 * The sign-in status as JSON (RFC 8259) for {@code /system/console/homeward-signin.json}: who is signed in where, the
 * last error and the host certificate's fields as the page shows them; never key material.
 */
final class SignInJson {
    private SignInJson() {
    }

    static String render(SignInStatus status) {
        JsonWriter json = new JsonWriter().beginObject().name("signedIn");
        status.current().ifPresentOrElse(s -> json.beginObject().member("user", s.user()).member("zone", s.zone())
                .member("hostKey", s.key().name()).member("since", s.since().toString())
                .member("server", s.server().toString()).member("pin", s.pin()).endObject(), json::nullValue);
        json.member("lastError", status.lastError()).name("certificate").beginArray();
        status.certificateFields().forEach(f -> json.beginObject().member("name", f.getKey())
                .member("value", f.getValue()).endObject());
        return json.endArray().endObject().toString();
    }
}
