package io.homeward.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;

/**
 * The console benchmark (itests/bench/console.sh): an all-in-one runtime from the launcher jar on loopback, signed in
 * on its first start, and the system's Chromium. Prints figures, asserts none.
 * <ol>
 * <li>First render: LOADS loads of the overview, each with the browser's cache off, interleaved with loads of the Web
 * Console's own bundles page (the anchor, same frame and scripts); per load the Navigation and Paint Timing of the
 * page (first contentful paint, DOMContentLoaded, load) and the bytes of the document and every resource it loaded
 * (Resource Timing transferSize: headers and body as sent; encodedBodySize: bodies alone). Median and p95. Done with
 * no other machine and again with PEERS machines listed.</li>
 * <li>Live view (the rendezvous' UPDATE limits per address and per key lifted, see {@link #UNLIMITED_UPDATES}):
 * PEERS stand-in hosts published in the user's zone with TSIG-signed UPDATEs (the zone's master key,
 * {@link PeerRecords}); then, for each rate, SECONDS of UPDATEs over UDP that each move one host (round robin) to a
 * new public address, while one client reads the overview's event stream as the open page does
 * ({@code homeward-overview.events}). Per rate: UPDATEs answered per second, peers seen changed per second in the
 * events, the share of answered changes ever seen (a host moved twice between two events shows only the second), the
 * lag from an UPDATE's answer to the first event that shows it (p50, p95), and the events and bytes per second the
 * stream carried. The anchor: the rendezvous' own UPDATE rate, the same UPDATEs from 4 threads as fast as answered,
 * with nobody reading the console. Also the size of the live part with PEERS machines.</li>
 * </ol>
 * Usage: {@code ConsoleBench WORK_DIR [LOADS [PEERS [SECONDS [RATE,...]]]]}, default 20 loads, 100 peers, 10 s, rates
 * 10,50,100,200,500 per second.
 */
public final class ConsoleBench {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A stand-in machine's endpoint as the overview shows it (see {@link PeerRecords#sequence}). */
    private static final Pattern STAND_IN_ENDPOINT = Pattern.compile("\\b10\\.\\d+\\.\\d+\\.\\d+:\\d+");
    /** The page's own timings and the sizes of what it loaded, read once its load event has ended. */
    private static final String TIMINGS = """
            var n = performance.getEntriesByType('navigation')[0];
            if (!n || n.loadEventEnd === 0) { return null; }
            var paint = performance.getEntriesByName('first-contentful-paint')[0];
            var resources = performance.getEntriesByType('resource');
            var transfer = n.transferSize, body = n.encodedBodySize;
            resources.forEach(function (r) { transfer += r.transferSize; body += r.encodedBodySize; });
            return [paint ? paint.startTime : -1, n.domContentLoadedEventEnd, n.loadEventEnd, transfer, body,
                    resources.length, n.transferSize, n.encodedBodySize];
            """;
    /**
     * The rendezvous' UPDATE limits per client address and per key (README, "Per-zone limits") lifted: here one
     * client with the zone's master key stands in for many hosts, each of which would send from its own address
     * with its own key.
     */
    private static final String UNLIMITED_UPDATES = "\"updatesPerSecond\": 100000, \"updateBurst\": 100000,"
            + " \"keyUpdatesPerSecond\": 100000, \"keyUpdateBurst\": 100000,";
    private static final int ANCHOR_THREADS = 4;
    private static final Duration ANCHOR_TIME = Duration.ofSeconds(5);

    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int peers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int[] rates = args.length > 4 ? Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 50, 100, 200, 500};
        try (ConsoleRuntime runtime = ConsoleRuntime.start("console-bench", work,
                Map.of("io.homeward.rendezvous.dns", UNLIMITED_UPDATES))) {
            Map<String, Object> overview = awaitOverview(runtime, "signed in and published", 90,
                    o -> o.get("signedIn") != null && o.get("published") != null);
            String zone = String.valueOf(((Map<?, ?>) overview.get("signedIn")).get("zone"));
            TsigKey key = PasswordKeys.derive(zone, runtime.accountPassword().toCharArray());
            PeerRecords records = new PeerRecords(zone);
            try (ConsoleBrowser browser = ConsoleBrowser.start()) {
                browser.logIn(runtime.origin(), runtime.password());
                ChromeDriver chrome = (ChromeDriver) browser.driver();
                chrome.executeCdpCommand("Network.enable", Map.of());
                chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                HomewardConsolePages pages = new HomewardConsolePages(browser, runtime.origin());
                firstRender(browser, pages, loads, "no other machine");
                long publishing = System.nanoTime();
                SimpleResolver tcp = resolver(runtime, key, true);
                for (int n = 0; n < peers; n++) {
                    answered(tcp.send(records.publish(n, n)));
                }
                Map<String, Object> listed = awaitOverview(runtime, peers + " machines listed", 120,
                        o -> ((List<?>) o.get("machines")).size() >= peers);
                System.out.printf(Locale.ROOT, "%d stand-in machines published (one UPDATE each over TCP) and all"
                        + " listed on the overview after %d ms; machines by how the agent learned of them: %s%n", peers,
                        millisSince(publishing), learnedVia(listed));
                firstRender(browser, pages, loads, peers + " machines");
            }
            int live = runtime.get("/" + HomewardConsolePages.OVERVIEW_LIVE).length();
            int json = runtime.get("/" + HomewardConsolePages.OVERVIEW + ".json").length();
            System.out.printf(Locale.ROOT, "with %d machines: the live part (one event, or one fetch where the page cannot stream) is %d bytes,"
                    + " the overview's JSON %d bytes%n", peers, live, json);
            AtomicInteger sequence = new AtomicInteger(peers);
            anchor(runtime, key, records, peers, sequence);
            for (int rate : rates) {
                liveView(runtime, key, records, peers, rate, seconds, sequence);
            }
        }
    }

    /** {@code loads} loads of the overview, each followed by one of the anchor; prints both. */
    private static void firstRender(ConsoleBrowser browser, HomewardConsolePages pages, int loads, String what) {
        Map<String, List<double[]>> samples = new HashMap<>();
        List<String> labels = List.of(HomewardConsolePages.OVERVIEW, HomewardConsolePages.WEB_CONSOLE_BUNDLES);
        for (int i = 0; i < loads; i++) {
            for (String label : labels) {
                browser.open(pages.url(label));
                samples.computeIfAbsent(label, l -> new ArrayList<>()).add(browser.await("the page's load timing",
                        d -> {
                            @SuppressWarnings("unchecked")
                            List<Number> t = (List<Number>) ((JavascriptExecutor) d).executeScript(TIMINGS);
                            return t == null ? null : t.stream().mapToDouble(Number::doubleValue).toArray();
                        }));
            }
        }
        for (String label : labels) {
            List<double[]> s = samples.get(label);
            System.out.printf(Locale.ROOT, "first render, %s, %s, %d loads, cache off: first contentful paint %s ms,"
                    + " DOMContentLoaded %s ms, load %s ms (median / p95); transferred %s bytes (bodies %s bytes,"
                    + " %s resources besides the document; the document alone %s bytes, body %s bytes; median)%n",
                    label, what, s.size(), both(s, 0), both(s, 1), both(s, 2), median(s, 3), median(s, 4),
                    median(s, 5), median(s, 6), median(s, 7));
        }
    }

    /** The rendezvous alone: the same UPDATEs from a few threads as fast as they are answered. */
    private static void anchor(ConsoleRuntime runtime, TsigKey key, PeerRecords records, int peers,
            AtomicInteger sequence) throws Exception {
        AtomicInteger answers = new AtomicInteger();
        long deadline = System.nanoTime() + ANCHOR_TIME.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < ANCHOR_THREADS; t++) {
            SimpleResolver udp = resolver(runtime, key, false);
            threads.add(started(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        int s = sequence.getAndIncrement();
                        if (udp.send(records.move(s % peers, s)).getRcode() == Rcode.NOERROR) {
                            answers.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.out.println("anchor: " + e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "anchor: the rendezvous answered %.0f UPDATEs/s (NOERROR; %d threads over UDP,"
                + " each waiting for its answer, nobody reading the console)%n",
                answers.get() / (double) ANCHOR_TIME.toSeconds(), ANCHOR_THREADS);
        Thread.sleep(2000);
    }

    /** {@code rate} moves per second for {@code seconds}, the overview's event stream read meanwhile as the page does. */
    private static void liveView(ConsoleRuntime runtime, TsigKey key, PeerRecords records, int peers, int rate,
            int seconds, AtomicInteger sequence) throws Exception {
        Map<Integer, Long> answeredAt = new ConcurrentHashMap<>();
        Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger events = new AtomicInteger();
        AtomicLong eventBytes = new AtomicLong();
        int first = sequence.get();
        Thread reader = started(() -> readEvents(runtime, reading, events, eventBytes, seenAt));
        SimpleResolver udp = resolver(runtime, key, false);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        int count = rate * seconds;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int s = sequence.getAndIncrement();
            udp.sendAsync(records.move(s % peers, s)).whenComplete((response, failure) -> {
                if (response != null && response.getRcode() == Rcode.NOERROR) {
                    answeredAt.put(s, System.nanoTime());
                }
            });
        }
        long sent = System.nanoTime() - start;
        Thread.sleep(5000);
        reading.set(false);
        reader.join();
        List<Long> lags = new ArrayList<>();
        answeredAt.forEach((s, at) -> {
            Long seen = seenAt.get(s);
            if (seen != null && s >= first) {
                lags.add(Math.max(0, seen - at));
            }
        });
        lags.sort(null);
        double window = sent / 1e9;
        System.out.printf(Locale.ROOT, "live view, %d machines, %d moves/s offered for %d s: %.0f UPDATEs/s answered,"
                + " %.0f peers seen changed/s in the overview's event stream (%d of %d answered changes seen, %.0f%%),"
                + " lag from the answer to the event p50 %d ms, p95 %d ms (of the changes seen); %.1f events/s,"
                + " %.1f KB/s%n",
                peers, rate, seconds, answeredAt.size() / window, lags.size() / window, lags.size(), answeredAt.size(),
                100.0 * lags.size() / Math.max(1, answeredAt.size()), millis(percentile(lags, 50)),
                millis(percentile(lags, 95)), events.get() / (window + 5), eventBytes.get() / 1e3 / (window + 5));
    }

    /**
     * Reads the overview's event stream ({@code homeward-overview.events}, what the open page listens to) until told
     * to stop; notes when each change number first showed in an event.
     */
    private static void readEvents(ConsoleRuntime runtime, AtomicBoolean reading, AtomicInteger events,
            AtomicLong eventBytes, Map<Integer, Long> seenAt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runtime.console() + "/" + HomewardConsolePages.OVERVIEW
                + ".events")).header("Authorization", Http.basic("admin", runtime.password())).build();
        try (java.util.stream.Stream<String> lines = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            java.util.Iterator<String> each = lines.iterator();
            while (reading.get() && each.hasNext()) {
                String line = each.next();
                long now = System.nanoTime();
                eventBytes.addAndGet(line.length() + 1);
                if (line.isEmpty()) {
                    events.incrementAndGet();
                }
                Matcher endpoint = STAND_IN_ENDPOINT.matcher(line);
                while (endpoint.find()) {
                    seenAt.putIfAbsent(PeerRecords.sequence(endpoint.group()), now);
                }
            }
        } catch (Exception e) {
            System.out.println("reading the overview's events: " + e);
        }
    }

    /** How many machines the overview says were learned by each watch mechanism (dns-push, llq-udp, poll, ...). */
    private static Map<String, Integer> learnedVia(Map<String, Object> overview) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Object machine : (List<?>) overview.get("machines")) {
            counts.merge(String.valueOf(((Map<?, ?>) machine).get("learnedVia")), 1, Integer::sum);
        }
        return counts;
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task, "console-bench");
        thread.start();
        return thread;
    }

    private static SimpleResolver resolver(ConsoleRuntime runtime, TsigKey key, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(runtime.dnsServer());
        resolver.setTimeout(Duration.ofSeconds(5));
        resolver.setTCP(tcp);
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, name(key.name()), new SecretKeySpec(key.secret(), "HmacSHA256")));
        return resolver;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void answered(Message response) {
        if (response.getRcode() != Rcode.NOERROR) {
            throw new IllegalStateException("UPDATE answered " + Rcode.string(response.getRcode()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitOverview(ConsoleRuntime runtime, String what, int seconds,
            java.util.function.Predicate<Map<String, Object>> done) throws InterruptedException {
        return Await.until(what, seconds, () -> {
            try {
                return new Json().toType(runtime.get("/" + HomewardConsolePages.OVERVIEW + ".json"), Map.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, done);
    }

    private static String both(List<double[]> samples, int index) {
        List<Long> values = samples.stream().map(s -> Math.round(s[index])).sorted().toList();
        return percentile(values, 50) + " / " + percentile(values, 95);
    }

    private static String median(List<double[]> samples, int index) {
        return Long.toString(percentile(samples.stream().map(s -> Math.round(s[index])).sorted().toList(), 50));
    }

    /** Nearest-rank percentile of sorted values, 0 for none. */
    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static long millisSince(long start) {
        return millis(System.nanoTime() - start);
    }
}
