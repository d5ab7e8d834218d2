package io.homeward.rendezvous.enroll.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request as the server read it.
 *
 * @param method  the method, as sent (methods are case-sensitive, RFC 9110 §9.1)
 * @param path    the request target without its query
 * @param headers the header fields by lower-case name
 * @param body    the body; empty for a GET
 */
record HttpRequest(String method, String path, Map<String, String> headers, byte[] body) {

    HttpRequest {
        headers = Map.copyOf(headers);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
