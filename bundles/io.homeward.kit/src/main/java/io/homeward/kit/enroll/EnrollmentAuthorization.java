package io.homeward.kit.enroll;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HTTP {@code Authorization} of an enrollment request (docs/enrollment.md, "Who may enroll"): an HMAC-SHA256,
 * under a key both ends already hold, of the scheme, the subject, the time and the request body (the PKCS#10
 * request). The key never crosses the wire, and a captured proof is good only for the key pair in that request.
 *
 * @param scheme  which key signs: an invite's secret or a TSIG key of the account
 * @param subject the invite's id ({@link InviteCode#id()}) or the TSIG key's name
 * @param time    seconds since the epoch when it was made; the server refuses it outside a few minutes
 * @param proof   the 32-byte HMAC
 */
public record EnrollmentAuthorization(Scheme scheme, String subject, long time, byte[] proof) {
    private static final Pattern PARAMETER = Pattern.compile("\\s*([a-z]+)=\"([^\"]{0,300})\"\\s*(,|$)");
    private static final int MAX_HEADER = 1024;

    /** The two HTTP authentication schemes. */
    public enum Scheme {
        /** Keyed by the one-time secret of an invite code. */
        INVITE("Homeward-Invite"),
        /** Keyed by a TSIG key of the account: the user's password-derived master key. */
        KEY("Homeward-Key");

        private final String token;

        Scheme(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    public EnrollmentAuthorization {
        proof = proof.clone();
    }

    @Override
    public byte[] proof() {
        return proof.clone();
    }

    public static EnrollmentAuthorization sign(Scheme scheme, String subject, byte[] key, long time, byte[] body) {
        return new EnrollmentAuthorization(scheme, subject, time, mac(key, scheme, subject, time, body));
    }

    /** True when the proof is right for this key and body (compared in constant time). */
    public boolean verifies(byte[] key, byte[] body) {
        return MessageDigest.isEqual(proof, mac(key, scheme, subject, time, body));
    }

    /** The header value, for example {@code Homeward-Invite subject="…", time="…", proof="…"}. */
    public String header() {
        return scheme.token() + " subject=\"" + subject + "\", time=\"" + time + "\", proof=\""
                + Base64.getEncoder().encodeToString(proof) + "\"";
    }

    /**
     * Reads a header value.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static EnrollmentAuthorization parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("no Authorization header");
        }
        if (header.length() > MAX_HEADER) {
            throw new IllegalArgumentException("the Authorization header is too long");
        }
        int space = header.indexOf(' ');
        String token = space < 0 ? header : header.substring(0, space);
        Scheme scheme = null;
        for (Scheme s : Scheme.values()) {
            if (s.token().equalsIgnoreCase(token)) {
                scheme = s;
            }
        }
        if (scheme == null) {
            throw new IllegalArgumentException("unknown authorization scheme '" + token + "' (expected Homeward-Invite"
                    + " or Homeward-Key)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(space < 0 ? "" : header.substring(space + 1));
        int end = 0;
        while (end < m.regionEnd() && m.find(end) && m.start() == end) {
            values.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            end = m.end();
        }
        if (!values.keySet().equals(Set.of("subject", "time", "proof")) || end != m.regionEnd()) {
            throw new IllegalArgumentException("the Authorization header needs exactly subject, time and proof");
        }
        try {
            return new EnrollmentAuthorization(scheme, values.get("subject"), Long.parseLong(values.get("time")),
                    Base64.getDecoder().decode(values.get("proof")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Authorization header has a bad time or proof: " + e.getMessage());
        }
    }

    private static byte[] mac(byte[] key, Scheme scheme, String subject, long time, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(("homeward-est-v1\0" + scheme.token() + "\0" + subject + "\0" + time + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
