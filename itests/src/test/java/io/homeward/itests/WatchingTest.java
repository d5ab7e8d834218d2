package io.homeward.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchedRecord;

/**
 * Issue 4: the agent's record watcher against the rendezvous' long-lived queries and DNS Push, both
 * real, in the all-in-one runtime: current answers, then an added record, a deleted one and one whose
 * update lease runs out — through each mechanism in turn.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WatchingTest {
    private static final AliceRuntime RUNTIME = new AliceRuntime("watching");
    private static final String ZONE = AliceRuntime.ZONE;
    private static final int AAAA = 28;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private AccountService accounts;

    private SignedUpdates updates;

    @Configuration
    public Option[] config() throws Exception {
        return RUNTIME.options("\"leaseMinSeconds\": 3,");
    }

    @Before
    public void signIn() throws Exception {
        updates = RUNTIME.signInAlice(context, accounts);
    }

    @Test
    public void dnsPush() throws Exception {
        watchThrough("dns-push");
    }

    @Test
    public void llqOverTls() throws Exception {
        watchThrough("llq-tls");
    }

    @Test
    public void llqOverUdp() throws Exception {
        watchThrough("llq-udp");
    }

    @Test
    public void polling() throws Exception {
        watchThrough("poll");
    }

    private void watchThrough(String mechanism) throws Exception {
        RecordWatcher watcher = WatcherConfig.using(context, configAdmin, RUNTIME.dnsPort(), mechanism);
        String name = "w-" + mechanism + "." + ZONE;
        updates.send(updates.addAaaa(name, "fd00::1"));
        Recorder events = new Recorder();
        try (Subscription subscription = watcher.subscribe(name, AAAA, events)) {
            events.await(added("fd00::1"));
            assertEquals(mechanism, Await.until("the " + mechanism + " mechanism", () -> subscription.mechanism().text(),
                    mechanism::equals));
            updates.send(updates.addAaaa(name, "fd00::2"));
            events.await(added("fd00::2"));
            updates.send(updates.deleteAaaa(name, "fd00::1"));
            events.await(removed("fd00::1"));
            updates.send(SignedUpdates.leased(updates.addAaaa(name, "fd00::3"), 3));
            events.await(added("fd00::3"));
            events.await(removed("fd00::3"));
            assertEquals("each change exactly once", List.of(added("fd00::1"), added("fd00::2"), removed("fd00::1"),
                    added("fd00::3"), removed("fd00::3")), events.seen);
        }
    }

    private static String added(String address) {
        return "+" + AddressText.of(address);
    }

    private static String removed(String address) {
        return "-" + AddressText.of(address);
    }

    /** Records "+address" and "-address" in arrival order. */
    private static final class Recorder implements RecordListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void added(WatchedRecord record) {
            seen.add(WatchingTest.added(record.rdata()));
        }

        @Override
        public void removed(WatchedRecord record) {
            seen.add(WatchingTest.removed(record.rdata()));
        }

        void await(String event) throws InterruptedException {
            Await.until(event, () -> seen, s -> s.contains(event));
        }
    }
}
