package io.homeward.kit.text;

import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of a host label (RFC 1035 §2.3.1, letters-digits-hyphen, 1 to 63 octets). */
public final class DnsLabel {
    private static final Pattern LDH = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private DnsLabel() {
    }

    /** Empty when the text is a valid host label, otherwise why not, in words an operator can act on. */
    public static Optional<String> problem(String label) {
        if (label == null || label.isEmpty()) {
            return Optional.of("a host name must not be empty");
        }
        if (label.length() > 63) {
            return Optional.of("a host name has at most 63 characters, '" + label + "' has " + label.length());
        }
        if (!LDH.matcher(label).matches()) {
            return Optional.of("a host name may contain only letters, digits and inner hyphens: '" + label + "'");
        }
        return Optional.empty();
    }
}
