package io.homeward.itests;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.homeward.api.accounts.PasswordKeys;
import io.homeward.api.auth.TsigKey;
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
    private static final String ZONE = "alice.members.example.";
    private static final String PASSWORD = "alice-watching-password";
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
        Path file = Files.createTempDirectory("homeward-watch").resolve("watch.json");
        Files.writeString(file, """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-watching",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "port": %d, "tlsPort": %d },
                  "io.homeward.rendezvous.dns": { "tlsPort": %d, "leaseMinSeconds": 3, "nameServerAddresses": ["127.0.0.1"],
                                                  "updatesPerSecond": 1000.0, "updateBurst": 1000 }
                }
                """.formatted(dnsPort(), tlsPort(), tlsPort()));
        return ShippedRuntime.options("all-in-one", file);
    }

    private static int dnsPort() {
        return ShippedRuntime.consolePort("watching-dns");
    }

    private static int tlsPort() {
        return ShippedRuntime.consolePort("watching-tls");
    }

    @Before
    public void signIn() throws Exception {
        if (accounts.users().stream().noneMatch(a -> a.user().equals("alice"))) {
            accounts.addUser("alice", PASSWORD.toCharArray());
        }
        TsigKey key = PasswordKeys.derive(ZONE, PASSWORD.toCharArray());
        updates = new SignedUpdates(new InetSocketAddress("127.0.0.1", dnsPort()), key);
        ZoneCredentials.signIn(context, "alice", ZONE, key);
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
        RecordWatcher watcher = WatcherConfig.using(context, configAdmin, dnsPort(), mechanism);
        String name = "w-" + mechanism + "." + ZONE;
        updates.send(updates.addAaaa(name, "fd00::1"));
        Recorder events = new Recorder();
        try (Subscription subscription = watcher.subscribe(name, AAAA, events)) {
            events.await("+fd00::1");
            assertEquals(mechanism, Await.until("the " + mechanism + " mechanism", subscription::mechanism, mechanism::equals));
            updates.send(updates.addAaaa(name, "fd00::2"));
            events.await("+fd00::2");
            updates.send(updates.deleteAaaa(name, "fd00::1"));
            events.await("-fd00::1");
            updates.send(SignedUpdates.leased(updates.addAaaa(name, "fd00::3"), 3));
            events.await("+fd00::3");
            events.await("-fd00::3");
            assertEquals("each change exactly once", List.of("+fd00::1", "+fd00::2", "-fd00::1", "+fd00::3", "-fd00::3"), events.seen);
        }
    }

    /** Records "+address" and "-address" in arrival order. */
    private static final class Recorder implements RecordListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void added(WatchedRecord record) {
            seen.add("+" + canonical(record.rdata()));
        }

        @Override
        public void removed(WatchedRecord record) {
            seen.add("-" + canonical(record.rdata()));
        }

        void await(String event) throws InterruptedException {
            Await.until(event, () -> seen, s -> s.contains(event));
        }

        private static String canonical(String address) {
            try {
                return io.homeward.api.identity.Ipv6Text.format(InetAddress.getByName(address).getAddress());
            } catch (java.net.UnknownHostException e) {
                return address;
            }
        }
    }
}
