package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;

/**
 * Issue 4's load client (run by itests/bench/watch-load.sh against a running rendezvous): holds N subscriptions
 * of one mechanism, sends signed UPDATEs at a steady rate to random watched names and prints the update → event
 * latency, lost events, and the server's memory before and with the subscriptions held. Prints figures; asserts
 * nothing. Exit status 1 when the run could not be carried out (bad options, server unreachable or refusing).
 */
public final class WatchLoad {
    private WatchLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean done;
        try {
            done = run(options);
        } catch (IOException | GeneralSecurityException e) {
            System.err.println(options.mechanism() + ": the load could not run: " + e.getMessage());
            done = false;
        }
        System.exit(done ? 0 : 1);
    }

    private static boolean run(LoadOptions o) throws IOException, GeneralSecurityException, InterruptedException {
        String zoneText = PasswordKeys.zoneOf(o.user(), o.domain());
        TsigKey derived = PasswordKeys.derive(zoneText, o.password().toCharArray());
        Name zone = Name.fromString(zoneText);
        TSIG key = new TSIG(TSIG.HMAC_SHA256, zone, new SecretKeySpec(derived.secret(), "HmacSHA256"));
        WatchedNames watched = new WatchedNames(zone);
        List<Name> names = new ArrayList<>(o.subscriptions());
        for (int i = 0; i < o.subscriptions(); i++) {
            names.add(watched.name(i));
        }
        ServerMemory memory = new ServerMemory(o.pid());
        LatencyLog log = new LatencyLog();
        ServerMemory.Reading before = memory.read();
        try (SubscriptionLoad load = o.mechanism().equals("push")
                ? new PushLoad(new InetSocketAddress(o.host(), o.tlsPort()), key, zone, o.carriers(), log)
                : new LlqLoad(new InetSocketAddress(o.host(), o.port()), key, o.carriers(), log)) {
            long start = System.nanoTime();
            SubscriptionLoad.Opened opened = load.open(names, o.setupTimeout());
            double setupSeconds = (System.nanoTime() - start) / 1e9;
            print("%s: %d of %d subscriptions held on %s, opened in %.1f s%s", o.mechanism(), opened.held().size(),
                    names.size(), load.carriers(), setupSeconds,
                    opened.failed() == 0 ? "" : "; " + opened.failed() + " failed, first: " + opened.firstFailure());
            if (opened.held().isEmpty()) {
                return false;
            }
            ServerMemory.Reading held = memory.read();
            long rssPer = (held.rssBytes() - before.rssBytes()) / opened.held().size();
            long heapPer = (held.heapBytes() - before.heapBytes()) / opened.held().size();
            print("%s: server RSS %d MB before, %d MB with the subscriptions held: %d bytes per subscription;"
                    + " live heap after full GC %d MB -> %d MB: %d bytes per subscription", o.mechanism(),
                    mb(before.rssBytes()), mb(held.rssBytes()), rssPer, mb(before.heapBytes()), mb(held.heapBytes()),
                    heapPer);
            int count = o.rate() * o.seconds();
            new UpdateDriver(new InetSocketAddress(o.host(), o.port()), key, zone, log, new SecureRandom())
                    .run(opened.held(), o.rate(), count);
            long drainEnd = System.nanoTime() + o.drainTimeout().toNanos();
            while (System.nanoTime() < drainEnd && !log.complete()) {
                Thread.sleep(50);
            }
            LatencyLog.Summary s = log.summary();
            print("%s: %d updates at %d/s: %d NOERROR, %d refused, %d unanswered; events for %d, lost %d,"
                    + " repeated %d, unexpected %d", o.mechanism(), s.sent(), o.rate(), s.accepted(), s.refused(),
                    s.unanswered(), s.events(), s.lost(), s.duplicates(), s.strangers());
            if (s.events() == 0) {
                print("%s: no event arrived, so no latency to report", o.mechanism());
                return false;
            }
            print("%s: update -> event latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (update -> its NOERROR answer,"
                    + " sent once the change is durable: p50 %.1f ms, p99 %.1f ms)", o.mechanism(), ms(s.p50Nanos()),
                    ms(s.p99Nanos()), ms(s.maxNanos()), ms(s.answerP50Nanos()), ms(s.answerP99Nanos()));
            // One line for the script's summary table.
            print("RESULT %s held=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f answer_p99_ms=%.1f lost=%d rss_before_mb=%d rss_held_mb=%d"
                    + " rss_bytes_per_sub=%d heap_bytes_per_sub=%d", o.mechanism(), opened.held().size(),
                    ms(s.p50Nanos()), ms(s.p99Nanos()), ms(s.maxNanos()), ms(s.answerP99Nanos()), s.lost(),
                    mb(before.rssBytes()),
                    mb(held.rssBytes()), rssPer, heapPer);
            return true;
        }
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
