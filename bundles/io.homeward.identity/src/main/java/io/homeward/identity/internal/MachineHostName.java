package io.homeward.identity.internal;

import java.io.IOException;
import java.util.Locale;

import org.osgi.service.log.Logger;

import io.homeward.kit.text.DnsLabel;


/**
 * The machine's short host name made into a valid DNS label (RFC 1035 §2.3.1): cut at the first
 * dot, lower case, characters outside letters-digits-hyphen replaced by '-'.
 */
final class MachineHostName {
    static final String KERNEL_HOSTNAME = "/proc/sys/kernel/hostname";
    /** Used only when the machine reports no name at all. */
    static final String UNNAMED = "host";
    private static final int MAX_LABEL = 63;

    private final Machine machine;
    private final Logger log;

    MachineHostName(Machine machine, Logger log) {
        this.machine = machine;
        this.log = log;
    }

    String label() {
        String raw = machine.readFile(KERNEL_HOSTNAME).map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(this::resolvedName);
        String shortName = shortName(raw);
        String label = toLabel(shortName);
        if (!label.equals(shortName)) {
            log.warn("io.homeward.identity: the machine host name '" + raw + "' is not a valid DNS label; using '"
                    + label + "' (set hostName in the configuration to choose another)");
        }
        return label;
    }

    private String resolvedName() {
        try {
            return machine.localHostName().trim();
        } catch (IOException e) {
            log.warn("io.homeward.identity: cannot determine the machine host name (" + e.getMessage()
                    + "); set hostName in the configuration");
            return "";
        }
    }

    /** The first label of the name, in lower case. */
    static String shortName(String raw) {
        int dot = raw.indexOf('.');
        return (dot < 0 ? raw : raw.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    /** The short name with invalid characters replaced, or {@link #UNNAMED} when nothing usable is left. */
    static String toLabel(String shortName) {
        String label = shortName.replaceAll("[^a-z0-9-]", "-");
        if (label.length() > MAX_LABEL) {
            label = label.substring(0, MAX_LABEL);
        }
        // A label may not start or end with a hyphen.
        label = label.replaceAll("^-+|-+$", "");
        return DnsLabel.problem(label).isPresent() ? UNNAMED : label;
    }
}
