package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.util.promise.Promise;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.KdcListener;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.kit.json.Json;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.MutableClock;

/** The Kerberos section of the Network page: this host's KDC and the tickets it holds, as HTML and JSON. */
class KerberosRenderTest {
    private static final Instant NOW = Instant.parse("2026-12-06T17:00:00.250Z");
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final KdcStatus STATUS = new KdcStatus(REALM, List.of("[fd12::1]:88 (UDP, TCP)"),
            List.of("krbtgt/" + REALM + "@" + REALM, "HTTP/home.alice.members.example@" + REALM), 12, 3, 2, 7,
            Map.of(75, 1L, 25, 2L));
    private static final HeldTicket TGT = new HeldTicket("alice@LAPTOP.ALICE.MEMBERS.EXAMPLE",
            "krbtgt/LAPTOP.ALICE.MEMBERS.EXAMPLE@LAPTOP.ALICE.MEMBERS.EXAMPLE", NOW.minus(Duration.ofMinutes(30)),
            NOW.plus(Duration.ofHours(9).plusMinutes(30)), "aes256-cts-hmac-sha384-192");

    private static KerberosFacts both(KdcStatus status, List<HeldTicket> tickets) {
        return new KerberosFacts(Optional.of(status), null, Optional.of(tickets), null, NOW);
    }

    @Test
    void showsTheKdcItsErrorsByCodeWithTheirNamesAndTheTicketsWithTheirTimeLeft() {
        String html = KerberosHtml.render(both(STATUS, List.of(TGT)));

        assertTrue(html.startsWith("<h3>This host's KDC</h3>\n<table class=\"nicetable kerberos-kdc\">"), html);
        assertTrue(html.contains("<tr><th>Realm</th><td>" + REALM + "</td></tr>"), html);
        assertTrue(html.contains("<tr><th>Not answered (outside the tunnel)</th><td>3</td></tr>"), html);
        assertTrue(html.contains("<tr><th>Issued by the AS exchange (TGTs)</th><td>2</td></tr>"), html);
        assertTrue(html.contains("<li>HTTP/home.alice.members.example@" + REALM + "</li>"), html);
        assertTrue(html.contains("<td data-label=\"Code\">25</td><td data-label=\"Name\">KDC_ERR_PREAUTH_REQUIRED</td>"
                + "<td data-label=\"Sent\">2</td>"), html);
        assertTrue(html.contains("<td data-label=\"Code\">75</td><td data-label=\"Name\">KDC_ERR_CLIENT_NAME_MISMATCH"
                + "</td>"), html);
        assertTrue(html.indexOf(">25<") < html.indexOf(">75<"), "by code: " + html);
        assertTrue(html.contains("<td data-label=\"Start\">2026-12-06T16:30:00Z</td><td data-label=\"End\">"
                + "2026-12-07T02:30:00Z</td><td data-label=\"Left\">in 9 h 30 min</td>"), "to the second: " + html);
    }

    @Test
    void escapesHostileRealmsPrincipalsAndReasons() {
        KdcStatus hostile = new KdcStatus("<b>R&D</b>", List.of("not running: \"x\" <y>"),
                List.of("<script>alert(1)</script>@R"), 0, 0, 0, 0, Map.of(999, 1L));
        HeldTicket forged = new HeldTicket("<img src=x onerror=alert(1)>", "krbtgt/'\"&@X", NOW, NOW,
                "<i>des</i>");
        String html = KerberosHtml.render(both(hostile, List.of(forged)));

        assertTrue(html.contains("&lt;b&gt;R&amp;D&lt;/b&gt;") && html.contains("&quot;x&quot; &lt;y&gt;"), html);
        assertTrue(html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;@R</li>"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("&lt;i&gt;des&lt;/i&gt;"),
                html);
        assertFalse(html.contains("<b>") || html.contains("<script") || html.contains("<img") || html.contains("<i>"),
                html);
        assertTrue(html.contains("<td data-label=\"Name\">unknown</td>"), html);
        assertTrue(html.contains("<td data-label=\"Left\">now</td>"), html);

        String json = KerberosJson.render(both(hostile, List.of(forged)));
        assertTrue(json.contains("\"realm\":" + Json.quote("<b>R&D</b>")), json);
        assertTrue(json.contains("\"client\":" + Json.quote("<img src=x onerror=alert(1)>")), json);
        assertTrue(json.contains("\"server\":\"krbtgt/'\\\"&@X\""), json);
        assertFalse(json.contains("<"), "no markup in a JSON a browser may show: " + json);
    }

    @Test
    void saysWhenThereIsNothingAndWhichServiceDoesNotRun() {
        String empty = KerberosHtml.render(both(new KdcStatus(REALM, List.of(), List.of(), 0, 0, 0, 0, Map.of()),
                List.of()));
        assertTrue(empty.contains("<h4>Principals</h4>\n<p>None.</p>") && empty.contains("<h4>KRB-ERRORs sent</h4>\n"
                + "<p>None.</p>") && empty.contains("this host holds no ticket"), empty);

        KerberosFacts clientOnly = KerberosFacts.read(null, tickets(List.of(TGT)), NOW);
        String html = KerberosHtml.render(clientOnly);
        assertTrue(html.startsWith("<h3>This host's KDC</h3>\n<p class=\"statline\">Not running: the KDC needs this "
                + "host&#39;s identity"), html);
        assertTrue(html.contains("revocation list of the agent.</p>\n<h3>Tickets held</h3>\n<table"), html);

        KerberosFacts kdcOnly = KerberosFacts.read(kdc(STATUS), null, NOW);
        assertTrue(KerberosHtml.render(kdcOnly).endsWith("<h3>Tickets held</h3>\n<p class=\"statline\">"
                + KerberosFacts.NO_CLIENT + "</p>\n"));
        assertEquals("{\"asOf\":\"2026-12-06T17:00:00.250Z\",\"kdc\":{\"missing\":" + Json.quote(KerberosFacts.NO_KDC)
                + "},\"held\":{\"tickets\":[]}}", KerberosJson.render(KerberosFacts.read(null, tickets(List.of()),
                        NOW)));
    }

    @Test
    void writesTheSameAsJson() {
        assertEquals("{\"asOf\":\"2026-12-06T17:00:00.250Z\",\"kdc\":{\"realm\":\"" + REALM + "\",\"listening\":"
                + "[\"[fd12::1]:88 (UDP, TCP)\"],\"principals\":[\"krbtgt/" + REALM + "@" + REALM + "\",\"HTTP/"
                + "home.alice.members.example@" + REALM + "\"],\"requests\":12,\"refusedSources\":3,\"asIssued\":2,"
                + "\"tgsIssued\":7,\"errors\":[{\"code\":25,\"name\":\"KDC_ERR_PREAUTH_REQUIRED\",\"count\":2},"
                + "{\"code\":75,\"name\":\"KDC_ERR_CLIENT_NAME_MISMATCH\",\"count\":1}]},\"held\":{\"tickets\":"
                + "[{\"client\":\"alice@LAPTOP.ALICE.MEMBERS.EXAMPLE\",\"server\":\"krbtgt/LAPTOP.ALICE.MEMBERS.EXAMPLE@"
                + "LAPTOP.ALICE.MEMBERS.EXAMPLE\",\"start\":\"2026-12-06T16:30:00.250Z\",\"end\":"
                + "\"2026-12-07T02:30:00.250Z\",\"secondsLeft\":34200,\"encryption\":\"aes256-cts-hmac-sha384-192\"}]}}",
                KerberosJson.render(KerberosFacts.read(kdc(STATUS), tickets(List.of(TGT)), NOW)));
    }

    @Test
    void theNetworkPageAnswersTheSectionAloneAndSaysWhenKerberosIsNotInstalled() throws IOException {
        NetworkPage page = new NetworkPage(new MutableClock(NOW));
        ConsoleGet absent = new ConsoleGet("/homeward-network/kerberos.json",
                "/system/console/homeward-network/kerberos.json");
        page.doGet(absent.request(), absent.response());
        assertEquals("{\"missing\":" + Json.quote(KerberosFacts.NOT_INSTALLED) + "}", absent.body());

        page.kerberos = kdc(STATUS);
        page.serviceTickets = tickets(List.of(TGT));
        ConsoleGet get = new ConsoleGet("/homeward-network/kerberos.json",
                "/system/console/homeward-network/kerberos.json");
        page.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        assertEquals(KerberosJson.render(KerberosFacts.read(page.kerberos, page.serviceTickets, NOW)), get.body());

        ConsoleGet html = new ConsoleGet("/homeward-network", "/system/console/homeward-network");
        page.doGet(html.request(), html.response());
        assertTrue(html.body().contains("<section id=\"homeward-network-kerberos\">\n<h2>Kerberos <a class=\"json\" "
                + "href=\"/system/console/homeward-network/kerberos.json\">JSON</a></h2>\n<h3>This host's KDC</h3>"),
                html::body);

        page.kerberos = new FixedKdc(null) {
            @Override
            public KdcStatus status() {
                throw new IllegalStateException("stopping");
            }
        };
        ConsoleGet failed = new ConsoleGet("/homeward-network/kerberos.json",
                "/system/console/homeward-network/kerberos.json");
        page.doGet(failed.request(), failed.response());
        assertEquals("{\"missing\":\"Could not be read (java.lang.IllegalStateException: stopping); the log of bundle "
                + "io.homeward.kerberos has the details.\"}", failed.body());
    }

    private static KerberosServices kdc(KdcStatus status) {
        return new FixedKdc(status);
    }

    private static ServiceTickets tickets(List<HeldTicket> held) {
        return new ServiceTickets() {
            @Override
            public Promise<HeldTicket> ticket(String service, String host) {
                throw new UnsupportedOperationException("the console only lists tickets");
            }

            @Override
            public Promise<byte[]> negotiateToken(String service, String host) {
                throw new UnsupportedOperationException("the console only lists tickets");
            }

            @Override
            public List<HeldTicket> tickets() {
                return held;
            }
        };
    }

    /** A KDC that reports one status and is asked nothing else. */
    private static class FixedKdc implements KerberosServices {
        private final KdcStatus status;

        FixedKdc(KdcStatus status) {
            this.status = status;
        }

        @Override
        public String realm() {
            return status.realm();
        }

        @Override
        public ServiceAcceptor register(String service) {
            throw new UnsupportedOperationException("the console registers no service");
        }

        @Override
        public Optional<byte[]> exportKeytab(String service) {
            return Optional.empty();
        }

        @Override
        public KdcStatus status() {
            return status;
        }

        @Override
        public List<String> services() {
            return List.of();
        }

        @Override
        public void addKdcListener(KdcListener listener) {
            throw new UnsupportedOperationException("the console only reads the status");
        }

        @Override
        public void removeKdcListener(KdcListener listener) {
            throw new UnsupportedOperationException("the console only reads the status");
        }
    }
}
