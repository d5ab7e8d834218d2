package io.homeward.netwatch.internal;

import java.util.Map;

import io.homeward.api.netwatch.NetworkChange;

/** The network status as {@code homeward:network} prints it. */
final class NetworkText {
    private NetworkText() {
    }

    static String render(NetworkStatus status) {
        StringBuilder s = new StringBuilder();
        s.append("Event source: ").append(status.source()).append('\n');
        s.append("Interfaces:\n");
        for (Map.Entry<String, InterfaceState> e : status.snapshot().interfaces().entrySet()) {
            InterfaceState i = e.getValue();
            s.append("  ").append(i.name()).append(i.up() ? " up" : " down");
            s.append(i.addresses().isEmpty() ? "  (no addresses)" : "  " + String.join(" ", i.addresses()));
            s.append('\n');
        }
        s.append("Default route: ").append(status.snapshot().defaultRoutes().isEmpty() ? "none"
                : String.join(", ", status.snapshot().defaultRoutes())).append('\n');
        if (status.lastChanges().isEmpty()) {
            s.append("Last change: none since start\n");
        } else {
            s.append("Last change:\n");
            for (NetworkChange c : status.lastChanges()) {
                s.append("  ").append(c.seen()).append(' ').append(c.kind()).append(": ").append(c.detail()).append('\n');
            }
        }
        return s.toString();
    }
}
