package io.homeward.identity.internal;

import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.kit.text.DnsLabel;


/**
 * The host name in use: the configured one when it is a valid label, the machine's when none is
 * configured, and the last good one when an operator configures an invalid value.
 */
final class HostNameSetting {
    private final String machineDefault;
    private final Logger log;
    private volatile String current;

    HostNameSetting(String machineDefault, Logger log) {
        this.machineDefault = machineDefault;
        this.log = log;
        this.current = machineDefault;
    }

    String current() {
        return current;
    }

    /** Applies the configured {@code hostName}; empty means the machine's name. */
    void apply(String configured) {
        String wanted = configured == null || configured.isEmpty() ? machineDefault : configured;
        Optional<String> problem = DnsLabel.problem(wanted);
        if (problem.isPresent()) {
            log.error("io.homeward.identity: refused hostName '" + wanted + "': " + problem.get()
                    + "; keeping '" + current + "'");
            return;
        }
        if (!wanted.equals(current)) {
            log.info("io.homeward.identity: host name changed from '" + current + "' to '" + wanted + "'");
            current = wanted;
        }
    }
}
