package io.homeward.console.internal.network;

import java.time.Instant;

import org.xbill.DNS.Type;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.console.internal.Cells;
import io.homeward.kit.html.Html;

/** The runtime section of the Network page: feature, identity, providers and watched records. Every value is escaped. */
final class RuntimeHtml {
    private RuntimeHtml() {
    }

    static String render(RuntimeFacts facts) {
        StringBuilder s = new StringBuilder(2048);
        s.append("<p class=\"statline\">Feature: ").append(Html.escape(facts.feature().orElse("unknown"))).append("</p>\n");
        for (String missing : facts.missing()) {
            s.append("<p class=\"statline ui-state-error\">").append(Html.escape(missing)).append("</p>\n");
        }
        facts.identity().ifPresent(identity -> {
            s.append("<h3>Host identity</h3>\n<table class=\"nicetable\">\n");
            Cells.row(s, "Host name", identity.hostName());
            Cells.row(s, "EUI-64", identity.eui64() + " (" + ("random".equals(identity.eui64Source())
                    ? "random, no interface had a usable MAC" : "from interface " + identity.eui64Source()) + ")");
            Cells.row(s, "ULA", identity.ula());
            Cells.row(s, "AutoTunnel label", identity.autoTunnelLabel());
            s.append("</table>\n");
        });
        for (CapabilityState capability : facts.capabilities()) {
            s.append("<h3>").append(Html.escape(capability.label())).append("</h3>\n")
                    .append("<p>Contract <code>").append(Html.escape(capability.contract())).append("</code></p>\n")
                    .append("<table class=\"nicetable\">\n<thead><tr><th>Provider</th><th>Bundle</th>")
                    .append("<th>Service id</th><th>Ranking</th><th>In use</th></tr></thead>\n<tbody>\n");
            if (capability.providers().isEmpty()) {
                s.append("<tr><td colspan=\"5\">none installed</td></tr>\n");
            }
            for (ProviderInfo p : capability.providers()) {
                s.append("<tr>");
                Cells.cell(s, "Provider", p.name());
                Cells.cell(s, "Bundle", p.bundle());
                Cells.cell(s, "Service id", Long.toString(p.serviceId()));
                Cells.cell(s, "Ranking", Integer.toString(p.ranking()));
                Cells.cell(s, "In use", p.active() ? "yes" : "");
                s.append("</tr>\n");
            }
            s.append("</tbody>\n</table>\n");
        }
        watches(s, facts);
        return s.toString();
    }

    private static void watches(StringBuilder s, RuntimeFacts facts) {
        s.append("<h3>Watched records</h3>\n");
        if (facts.watches().isEmpty()) {
            s.append("<p>").append(Html.escape(RuntimeFacts.NO_WATCHER)).append("</p>\n");
            return;
        }
        s.append("<table class=\"nicetable\">\n<thead><tr><th>Name</th><th>Type</th><th>Mechanism</th>")
                .append("<th>Lease expires</th><th>Last event</th></tr></thead>\n<tbody>\n");
        if (facts.watches().get().isEmpty()) {
            s.append("<tr><td colspan=\"5\">nothing watched</td></tr>\n");
        }
        for (SubscriptionState w : facts.watches().get()) {
            s.append("<tr>");
            Cells.cell(s, "Name", w.name());
            Cells.cell(s, "Type", Type.string(w.type()));
            Cells.cell(s, "Mechanism", w.mechanism().text());
            Cells.cell(s, "Lease expires", w.leaseExpiry().map(Instant::toString).orElse("-"));
            Cells.cell(s, "Last event", w.lastEvent().map(Instant::toString).orElse("-"));
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }
}
