package io.homeward.console.internal.rendezvous;

import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.console.internal.rendezvous.RendezvousFacts.ListenerFacts;

/** The text of {@code homeward:listeners}: every listener with its counters, and the TLS fingerprint agents pin. */
final class ListenersReport {
    static final String NO_LISTENERS = "no listener is bound";

    private ListenersReport() {
    }

    static String of(DnsListenerStatus status) {
        ListenerFacts facts = ListenerFacts.of(status);
        StringBuilder s = new StringBuilder();
        if (facts.listeners().isEmpty()) {
            s.append(NO_LISTENERS).append('\n');
        } else {
            TextTable table = new TextTable("TRANSPORT", "ADDRESS", "CONNECTIONS", "DROPPED", "REFUSED");
            facts.listeners().forEach(l -> table.row(l.transport().text(), l.address(), l.openConnections(), l.dropped(),
                    l.refused()));
            s.append(table.render());
        }
        return s.append("TLS certificate fingerprint (SHA-256) that agents pin: ")
                .append(facts.hasFingerprint() ? facts.tlsFingerprint() : "no TLS certificate").append('\n').toString();
    }
}
