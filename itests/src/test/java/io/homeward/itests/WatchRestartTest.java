package io.homeward.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchedRecord;

/**
 * Issue 4: the rendezvous' DNS server restarts (its bundle stopped and started, all LLQ and push state lost) and
 * the agent's watcher subscribes again on its own; a change made afterwards reaches the listener, whose records
 * then equal a fresh query's answer. The Homeward console page lists the subscription with its mechanism.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WatchRestartTest {
    private static final AliceRuntime RUNTIME = new AliceRuntime("restart");
    private static final String ZONE = AliceRuntime.ZONE;
    private static final int AAAA = 28;
    /** LLQ leases this short make the watcher refresh every ~8 s, which is how LLQ over UDP learns of a restart. */
    private static final int LLQ_LEASE_SECONDS = 10;
    /** The watcher's backoff plus, for LLQ, one refresh period: well inside this bound. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private AccountService accounts;

    private SignedUpdates updates;

    /** A retry delay of 1 s: a stopping server asks push clients to wait this long before they come back. */
    @Configuration
    public Option[] config() throws Exception {
        return RUNTIME.options("\"watchRetryDelaySeconds\": 1, \"llqLeaseMinSeconds\": %d, \"llqLeaseMaxSeconds\": %d,"
                .formatted(LLQ_LEASE_SECONDS, LLQ_LEASE_SECONDS));
    }

    @Before
    public void signIn() throws Exception {
        updates = RUNTIME.signInAlice(context, accounts);
    }

    @Test
    public void dnsPushSubscribesAgainAfterARestart() throws Exception {
        recoversFromARestart("dns-push");
    }

    @Test
    public void llqOverUdpIsSetUpAgainAfterARestart() throws Exception {
        recoversFromARestart("llq-udp");
    }

    private void recoversFromARestart(String mechanism) throws Exception {
        RecordWatcher watcher = WatcherConfig.using(context, configAdmin, RUNTIME.dnsPort(), mechanism);
        String name = "r-" + mechanism + "." + ZONE;
        updates.send(updates.addAaaa(name, "fd00::1"));
        RecordView view = new RecordView();
        try (Subscription subscription = watcher.subscribe(name, AAAA, view)) {
            Await.until("the current answer", view::addresses, a -> a.contains(AddressText.of("fd00::1")));
            Await.until("the " + mechanism + " mechanism", () -> subscription.mechanism().text(), mechanism::equals);
            assertConsoleLists(name, mechanism);

            Bundle dns = bundle("io.homeward.rendezvous.dns");
            dns.stop();
            dns.start();
            awaitAnswering();
            updates.send(updates.addAaaa(name, "fd00::2"));
            updates.send(updates.deleteAaaa(name, "fd00::1"));

            Set<String> expected = Set.of(AddressText.of("fd00::2"));
            assertEquals("the zone after the restart", expected, query(name));
            Set<String> seen = within(RECOVERY_LIMIT, "the listener to see the change made after the restart",
                    view::addresses, expected::equals);
            assertEquals(query(name), seen);
            assertEquals(mechanism, within(RECOVERY_LIMIT, "the watcher back on " + mechanism,
                    () -> subscription.mechanism().text(), mechanism::equals));
        }
    }

    private void assertConsoleLists(String name, String mechanism) throws Exception {
        String url = "http://127.0.0.1:" + ShippedRuntime.consolePort("all-in-one") + "/system/console/homeward-network/runtime.json";
        Http.Response page = Http.get(url, "admin", ShippedRuntime.consolePassword());
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("{\"name\":\"" + name + "\",\"type\":\"AAAA\",\"mechanism\":\""
                + mechanism + "\""));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** The restarted server answers queries again (its DS component is active and the transport routes to it). */
    private void awaitAnswering() throws Exception {
        Message soa = Message.newQuery(Record.newRecord(Name.fromString(ZONE), Type.SOA, DClass.IN));
        within(Duration.ofSeconds(30), "the restarted server to answer", () -> {
            try {
                return resolver().send(soa).getRcode();
            } catch (IOException e) {
                return -1;
            }
        }, rcode -> rcode == Rcode.NOERROR);
    }

    /** The AAAA addresses a fresh query for the name answers now. */
    private Set<String> query(String name) throws Exception {
        Message answer = resolver().send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.AAAA, DClass.IN)));
        Set<String> addresses = new TreeSet<>();
        for (Record r : answer.getSection(Section.ANSWER)) {
            addresses.add(AddressText.of(((AAAARecord) r).getAddress()));
        }
        return addresses;
    }

    private SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(RUNTIME.server());
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    /** Like {@link Await#until}, with a longer bound for what waits on the watcher's backoff or LLQ refresh. */
    private static <T> T within(Duration limit, String what, Supplier<T> value, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s; last seen: " + last);
            }
            Thread.sleep(50);
            last = value.get();
        }
        return last;
    }

    /** The listener's current view: the addresses added and not removed since. */
    private static final class RecordView implements RecordListener {
        private final Set<String> addresses = ConcurrentHashMap.newKeySet();

        @Override
        public void added(WatchedRecord record) {
            addresses.add(AddressText.of(record.rdata()));
        }

        @Override
        public void removed(WatchedRecord record) {
            addresses.remove(AddressText.of(record.rdata()));
        }

        Set<String> addresses() {
            return new TreeSet<>(addresses);
        }
    }
}
