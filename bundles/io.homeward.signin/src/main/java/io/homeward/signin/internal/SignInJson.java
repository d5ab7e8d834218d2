package io.homeward.signin.internal;

import java.util.Map;
import java.util.stream.Collectors;

import io.homeward.kit.json.Json;

/**
 * The sign-in status as JSON (RFC 8259) for {@code /system/console/homeward-signin.json}: who is signed in where, the
 * last error and the host certificate's fields as the page shows them; never key material.
 */
final class SignInJson {
    private SignInJson() {
    }

    static String render(SignInStatus status) {
        String signedIn = status.current().map(s -> "{\"user\":" + Json.quote(s.user()) + ",\"zone\":" + Json.quote(s.zone())
                + ",\"hostKey\":" + Json.quote(s.key().name()) + ",\"since\":" + Json.quote(s.since().toString())
                + ",\"server\":" + Json.quote(s.server().toString()) + ",\"pin\":" + Json.quote(s.pin()) + "}").orElse("null");
        return "{\"signedIn\":" + signedIn + ",\"lastError\":" + Json.quote(status.lastError()) + ",\"certificate\":"
                + status.certificateFields().stream().map(SignInJson::field).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String field(Map.Entry<String, String> field) {
        return "{\"name\":" + Json.quote(field.getKey()) + ",\"value\":" + Json.quote(field.getValue()) + "}";
    }
}
