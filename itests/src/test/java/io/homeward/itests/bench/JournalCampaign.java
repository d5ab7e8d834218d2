package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The client side of the journal campaigns against a running rendezvous (itests/bench/journal-damage.sh and
 * durability-campaign.sh): signed UPDATEs over UDP, each adding one AAAA record, and queries counting which
 * acknowledged records the server still has.
 *
 * <pre>
 * write      HOST PORT ZONE SECRET COUNT ACKED_FILE  adds h0..h(COUNT-1), 64 outstanding; writes the acknowledged names
 * count      HOST PORT ZONE ACKED_FILE               prints how many of the acknowledged names the server answers
 * duplicates HOST PORT ZONE SECRET TRIALS IDS_FILE   per trial: an UPDATE, then at once the same change freshly signed
 *                                                    (a no-op); writes "trial id-of-update id-of-duplicate rcode rcode"
 * </pre>
 */
public final class JournalCampaign {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTSTANDING = 64;

    private JournalCampaign() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        Name zone = Name.fromString(args[3]);
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(TIMEOUT);
        switch (args[0]) {
            case "write" -> write(resolver, zone, args[4], Integer.parseInt(args[5]), Path.of(args[6]));
            case "count" -> count(resolver, zone, Path.of(args[4]));
            case "duplicates" -> duplicates(resolver, zone, args[4], Integer.parseInt(args[5]), Path.of(args[6]));
            default -> throw new IllegalArgumentException("write, count or duplicates, not " + args[0]);
        }
    }

    private static TSIG key(Name zone, String secret) {
        return new TSIG(TSIG.HMAC_SHA256, zone, secret);
    }

    private static Update add(Name zone, int index) throws IOException {
        Update update = new Update(zone);
        Name name = Name.fromString("h" + index, zone);
        InetAddress address = InetAddress.getByName("fd00::" + Integer.toHexString(index + 1));
        update.add(new AAAARecord(name, DClass.IN, 120, address));
        return update;
    }

    private static Message signed(Message message, TSIG key) {
        message.setTSIG(key, Rcode.NOERROR, null);
        return message;
    }

    private static void write(SimpleResolver resolver, Name zone, String secret, int count, Path acked)
            throws Exception {
        resolver.setTSIGKey(key(zone, secret));
        Semaphore slots = new Semaphore(OUTSTANDING);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            String name = "h" + i;
            all.add(resolver.sendAsync(add(zone, i)).toCompletableFuture().whenComplete((response, failure) -> {
                if (response != null && response.getRcode() == Rcode.NOERROR) {
                    acknowledged.add(name);
                } else {
                    failed.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Files.write(acked, acknowledged, StandardCharsets.US_ASCII);
        System.out.println(acknowledged.size() + " acknowledged, " + failed.get() + " not");
    }

    private static void count(SimpleResolver resolver, Name zone, Path acked) throws Exception {
        List<String> names = Files.readAllLines(acked, StandardCharsets.US_ASCII);
        Semaphore slots = new Semaphore(OUTSTANDING);
        AtomicInteger kept = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String label : names) {
            slots.acquire();
            Message query = Message.newQuery(Record.newRecord(Name.fromString(label, zone), Type.AAAA, DClass.IN));
            all.add(resolver.sendAsync(query).toCompletableFuture().whenComplete((response, failure) -> {
                if (response != null && !response.getSection(Section.ANSWER).isEmpty()) {
                    kept.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        System.out.println(kept.get() + " of " + names.size());
    }

    private static void duplicates(SimpleResolver resolver, Name zone, String secret, int trials, Path ids)
            throws Exception {
        TSIG key = key(zone, secret);
        List<String> lines = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Message update = signed(add(zone, trial), key);
            Message duplicate = signed(add(zone, trial), key);
            CompletableFuture<Message> first = resolver.sendAsync(update).toCompletableFuture();
            CompletableFuture<Message> second = resolver.sendAsync(duplicate).toCompletableFuture();
            lines.add(trial + " " + update.getHeader().getID() + " " + duplicate.getHeader().getID() + " "
                    + Rcode.string(first.get().getRcode()) + " " + Rcode.string(second.get().getRcode()));
        }
        Files.write(ids, lines, StandardCharsets.US_ASCII);
    }
}
