package io.homeward.console.internal;

import java.time.Instant;

import org.xbill.DNS.Type;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.kit.html.Html;

/** The page body; the Web Console wraps it in its layout. Every value is escaped. */
final class HtmlPage {
    private HtmlPage() {
    }

    static String render(ConsoleFacts facts) {
        StringBuilder s = new StringBuilder(2048);
        s.append("<p class=\"statline\">Feature: ").append(Html.escape(facts.feature().orElse("unknown"))).append("</p>\n");
        for (String missing : facts.missing()) {
            s.append("<p class=\"statline ui-state-error\">").append(Html.escape(missing)).append("</p>\n");
        }
        facts.identity().ifPresent(identity -> {
            s.append("<h2>Host identity</h2>\n<table class=\"nicetable\">\n");
            row(s, "Host name", identity.hostName());
            row(s, "EUI-64", identity.eui64() + " (" + ("random".equals(identity.eui64Source())
                    ? "random, no interface had a usable MAC" : "from interface " + identity.eui64Source()) + ")");
            row(s, "ULA", identity.ula());
            row(s, "AutoTunnel label", identity.autoTunnelLabel());
            s.append("</table>\n");
        });
        for (CapabilityState capability : facts.capabilities()) {
            s.append("<h2>").append(Html.escape(capability.label())).append("</h2>\n")
                    .append("<p>Contract <code>").append(Html.escape(capability.contract())).append("</code></p>\n")
                    .append("<table class=\"nicetable\">\n<thead><tr><th>Provider</th><th>Bundle</th>")
                    .append("<th>Service id</th><th>Ranking</th><th>In use</th></tr></thead>\n<tbody>\n");
            if (capability.providers().isEmpty()) {
                s.append("<tr><td colspan=\"5\">none installed</td></tr>\n");
            }
            for (ProviderInfo p : capability.providers()) {
                s.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>").append(Html.escape(p.bundle()))
                        .append("</td><td>").append(p.serviceId()).append("</td><td>").append(p.ranking())
                        .append("</td><td>").append(p.active() ? "yes" : "").append("</td></tr>\n");
            }
            s.append("</tbody>\n</table>\n");
        }
        watches(s, facts);
        return s.toString();
    }

    private static void watches(StringBuilder s, ConsoleFacts facts) {
        s.append("<h2>Watched records</h2>\n");
        if (facts.watches().isEmpty()) {
            s.append("<p>").append(Html.escape(ConsoleFacts.NO_WATCHER)).append("</p>\n");
            return;
        }
        s.append("<table class=\"nicetable\">\n<thead><tr><th>Name</th><th>Type</th><th>Mechanism</th>")
                .append("<th>Lease expires</th><th>Last event</th></tr></thead>\n<tbody>\n");
        if (facts.watches().get().isEmpty()) {
            s.append("<tr><td colspan=\"5\">nothing watched</td></tr>\n");
        }
        for (SubscriptionState w : facts.watches().get()) {
            s.append("<tr><td>").append(Html.escape(w.name())).append("</td><td>")
                    .append(Html.escape(Type.string(w.type())))
                    .append("</td><td>").append(Html.escape(w.mechanism().text())).append("</td><td>")
                    .append(w.leaseExpiry().map(Instant::toString).orElse("-")).append("</td><td>")
                    .append(w.lastEvent().map(Instant::toString).orElse("-")).append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }
}
