package io.homeward.kit.enroll;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One TXT record at {@code _revoked._homeward.<zone>} (docs/enrollment.md, "Revocation"): the strings
 * {@code serial=<hex>}, {@code host=<label>} and {@code until=<RFC 3339>}. The rendezvous writes it, the agents read it.
 *
 * @param until the revoked certificate's notAfter: after it the entry means nothing
 */
public record RevokedRecord(BigInteger serial, String host, Instant until) {
    /** The owner name below the user's zone, relative. */
    public static final String OWNER = "_revoked._homeward";
    /** A character-string as dnsjava prints it: quoted when it holds a space or a quote, bare otherwise. */
    private static final Pattern STRING = Pattern.compile("\"([^\"]{0,200})\"|([^\\s\"]{1,200})");
    private static final int MAX_RDATA = 1024;

    /** The TXT record's character-strings, as the rendezvous publishes them. */
    public List<String> strings() {
        return List.of("serial=" + serial.toString(16), "host=" + host, "until=" + DateTimeFormatter.ISO_INSTANT.format(until));
    }

    /**
     * Reads the record's rdata in presentation format, strings in any order.
     *
     * @throws IllegalArgumentException saying what the record lacks
     */
    public static RevokedRecord parse(String rdata) {
        if (rdata.length() > MAX_RDATA) {
            throw new IllegalArgumentException("the record is too long");
        }
        Map<String, String> fields = new HashMap<>();
        Matcher strings = STRING.matcher(rdata);
        while (strings.find()) {
            String text = strings.group(1) != null ? strings.group(1) : strings.group(2);
            int equals = text.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(text.substring(0, equals), text.substring(equals + 1));
            }
        }
        String serial = fields.get("serial");
        String until = fields.get("until");
        if (serial == null || until == null || !serial.matches("[0-9a-fA-F]{1,64}")) {
            throw new IllegalArgumentException("expected \"serial=<hex>\" \"host=<label>\" \"until=<RFC 3339>\", got "
                    + rdata);
        }
        try {
            return new RevokedRecord(new BigInteger(serial, 16), fields.getOrDefault("host", ""),
                    OffsetDateTime.parse(until).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("until is not an RFC 3339 time: " + until, e);
        }
    }
}
