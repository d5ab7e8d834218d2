package io.homeward.console.internal.rendezvous;

import java.util.Arrays;
import java.util.Optional;

/** The services the views read, each with the JSON key of its section and the bundle that provides it. */
enum RendezvousSource {
    LISTENERS("listeners", "The DNS listener status", "io.homeward.rendezvous.transport"),
    ZONES("zones", "The zone directory", "io.homeward.rendezvous.dns"),
    USERS("users", "The account service", "io.homeward.rendezvous.accounts"),
    WATCHES("watches", "The long-lived query and push subscription status", "io.homeward.rendezvous.dns"),
    STUN("stun", "The STUN server", "io.homeward.rendezvous.stun");

    private final String key;
    private final String what;
    private final String bundle;

    RendezvousSource(String key, String what, String bundle) {
        this.key = key;
        this.what = what;
        this.bundle = bundle;
    }

    /** The section with this JSON key (also its path below the page), if there is one. */
    static Optional<RendezvousSource> named(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** The section's name in the JSON document. */
    String key() {
        return key;
    }

    /** What to tell an operator when the service is not registered. */
    String notRunning() {
        return "not running: " + what + " is not available; install and start bundle " + bundle
                + " (or check its log for why it did not start).";
    }

    /** What to tell an operator when the service failed while it was being read. */
    String failed(RuntimeException cause) {
        return what + " could not be read (" + cause + "); the log has the details.";
    }
}
