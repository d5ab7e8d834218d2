package io.homeward.console.internal.overview;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.homeward.api.keying.KeyingStatus;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.LivePart;
import io.homeward.console.internal.TimeText;
import io.homeward.console.internal.overview.OverviewFacts.Machine;
import io.homeward.kit.html.Html;
import io.homeward.kit.net.Endpoints;

/**
 * The overview's body, which the Web Console wraps in its layout, and its live part alone, which the page's script
 * fetches again every few seconds and puts in place (res/overview.js). Every value is escaped; the page has no inline
 * script. Tables carry each cell's column name ({@code data-label}) so they reflow into cards at phone width
 * (res/overview.css).
 */
public final class OverviewHtml {
    private OverviewHtml() {
    }

    /** @param appRoot the console's root path, for example {@code /system/console} */
    static String page(OverviewFacts facts, String appRoot) {
        String root = appRoot + "/" + OverviewPage.LABEL;
        return LivePart.stylesheet(root) + ConsoleMenu.render(appRoot, ConsoleMenu.OVERVIEW)
                + LivePart.container(root, live(facts));
    }

    static String live(OverviewFacts facts) {
        StringBuilder s = new StringBuilder(4096);
        Verdict verdict = Verdict.of(facts);
        s.append("<p id=\"homeward-verdict\" class=\"verdict verdict-")
                .append(verdict.reach().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                .append(Html.escape(verdict.text())).append("</p>\n");
        warnings(s, Warnings.of(facts));
        host(s, facts);
        machines(s, facts);
        s.append("<p class=\"updated\">As of ").append(Html.escape(seconds(facts.now()))).append("</p>\n");
        return s.toString();
    }

    private static void warnings(StringBuilder s, List<Warnings.Warning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        s.append("<ul class=\"warnings\">\n");
        for (Warnings.Warning w : warnings) {
            s.append("<li class=\"ui-state-highlight\"><strong>").append(Html.escape(w.problem())).append("</strong> ")
                    .append(Html.escape(w.action())).append("</li>\n");
        }
        s.append("</ul>\n");
    }

    private static void host(StringBuilder s, OverviewFacts facts) {
        s.append("<h2>This host</h2>\n<table class=\"nicetable overview-host\">\n");
        Cells.row(s, "Name", facts.host().map(OverviewFacts.Host::name).orElse("no host identity"));
        Cells.row(s, "ULA", facts.host().map(OverviewFacts.Host::ula).orElse("-"));
        Cells.row(s, "Signed in as", facts.signedIn().map(i -> i.user() + " (zone " + i.zone() + ")").orElse("not signed in"));
        Cells.row(s, "Peers reach it at", facts.endpoint().map(e -> Endpoints.text(e.address())).orElse("unknown"));
        Cells.row(s, "Learned from", facts.endpoint().map(e -> Verdict.learned(e.source())).orElse("-"));
        Cells.row(s, "Published", facts.registration().map(r -> "until " + seconds(r.leaseExpires()) + " on " + r.server())
                .orElse("nothing"));
        Cells.row(s, "Certificate", facts.certificate().map(c -> (c.revoked() ? "revoked, " : "") + "valid until "
                + seconds(c.notAfter())).orElse("none"));
        s.append("</table>\n");
    }

    private static void machines(StringBuilder s, OverviewFacts facts) {
        s.append("<h2>Your machines</h2>\n");
        if (facts.machines().isEmpty()) {
            s.append("<p>No other machine of this account is published. Add one on the page Add a machine"
                    + " (homeward:invite).</p>\n");
            return;
        }
        if (!facts.keying()) {
            s.append("<p>No key exchange reports tunnel states (bundle io.homeward.ike is not running).</p>\n");
        }
        s.append("<table class=\"nicetable overview-machines\">\n<thead><tr><th>Machine</th><th>Status</th>")
                .append("<th>Reached at</th><th>Tunnel</th><th>Round trip</th><th>Since</th><th>Last change</th>")
                .append("<th>Certificate</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Machine m : facts.machines()) {
            Optional<KeyingStatus> tunnel = m.tunnel();
            s.append("<tr>");
            Cells.cell(s, "Machine", (m.name().isEmpty() ? "" : m.name() + " ") + m.ula());
            Cells.cell(s, "Status", m.online() ? "online" : "offline");
            Cells.cell(s, "Reached at", m.endpoint().map(e -> "direct, " + Endpoints.text(e)).orElse("-")
                    + m.learnedVia().map(v -> " (" + v + ")").orElse(""));
            Cells.cell(s, "Tunnel", tunnel.map(t -> t.state().name().toLowerCase(Locale.ROOT)
                    + (t.detail().isEmpty() ? "" : ": " + t.detail())).orElse("-"));
            Cells.cell(s, "Round trip", tunnel.flatMap(KeyingStatus::roundTrip).map(r -> r.toMillis() + " ms").orElse("-"));
            Cells.cell(s, "Since", tunnel.map(t -> TimeText.ago(t.since(), facts.now())).orElse("-"));
            Cells.cell(s, "Last change", m.changed().map(c -> TimeText.ago(c, facts.now())).orElse("-"));
            Cells.cell(s, "Certificate", tunnel.flatMap(KeyingStatus::peerCertificateExpires)
                    .map(c -> "valid until " + seconds(c)).orElse("-"));
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }


    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
