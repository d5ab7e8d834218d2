package io.homeward.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.watch.WatchMechanism;

/**
 * Issue 4, RFC 8764 §7: the real rendezvous resends an LLQ event over UDP until it is acknowledged, and
 * drops the LLQ of a client that never acknowledges. The client is written here with dnsjava so the test
 * decides which datagrams are answered.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LlqRetransmissionTest {
    private static final AliceRuntime RUNTIME = new AliceRuntime("retransmission");
    private static final String ZONE = AliceRuntime.ZONE;
    private static final int AAAA = 28;
    /** Far beyond the server's schedule (sends at 0, 2 and 6 s, gives up 8 s later), yet bounded. */
    private static final Duration GIVE_UP_LIMIT = Duration.ofSeconds(60);

    @Inject
    private AccountService accounts;

    @Inject
    private WatchStatus watchStatus;

    private TsigKey key;
    private SignedUpdates updates;

    @Configuration
    public Option[] config() throws Exception {
        return RUNTIME.options("");
    }

    @Before
    public void addAlice() throws Exception {
        key = RUNTIME.addAlice(accounts);
        updates = new SignedUpdates(server(), key);
    }

    @Test
    public void anUnacknowledgedEventIsSentThreeTimesThenTheLlqIsDropped() throws Exception {
        String name = "silent." + ZONE;
        try (RawLlqClient client = new RawLlqClient(server(), key, name, AAAA)) {
            long id = client.establish(7200).option().id();
            assertEquals("the server holds the LLQ", 1, watchesOf(client).size());
            updates.send(updates.addAaaa(name, "fd00::51"));

            List<RawLlqClient.Received> events = new ArrayList<>();
            long deadline = System.nanoTime() + GIVE_UP_LIMIT.toNanos();
            while (!watchesOf(client).isEmpty() && System.nanoTime() < deadline) {
                RawLlqClient.Received received = client.receive(Duration.ofMillis(250));
                if (received != null) {
                    events.add(received);
                }
            }
            assertTrue("the server still holds the LLQ of a client that never acknowledged: " + watchesOf(client),
                    watchesOf(client).isEmpty());
            assertNull("nothing after the LLQ was dropped", client.receive(Duration.ofSeconds(1)));
            assertEquals("the event and two retransmissions", 3, events.size());
            for (RawLlqClient.Received event : events) {
                assertEquals(RawLlqClient.EVENT, event.option().opcode());
                assertEquals(id, event.option().id());
                assertArrayEquals("a retransmission repeats the event byte for byte", events.get(0).wire(), event.wire());
            }
            assertEquals(List.of(InetAddress.getByName("fd00::51")), addresses(events.get(0)));

            RawLlqClient.Received refresh = client.refresh(id, 7200);
            assertEquals("a refresh of the dropped LLQ", RawLlqClient.NO_SUCH_LLQ, refresh.option().error());
        }
    }

    @Test
    public void anAcknowledgedEventIsNotSentAgain() throws Exception {
        String name = "attentive." + ZONE;
        try (RawLlqClient client = new RawLlqClient(server(), key, name, AAAA)) {
            long id = client.establish(7200).option().id();
            updates.send(updates.addAaaa(name, "fd00::52"));
            RawLlqClient.Received event = client.receive(Duration.ofSeconds(10));
            assertNotNull("an event within 10 s of the UPDATE", event);
            assertEquals(RawLlqClient.EVENT, event.option().opcode());
            assertEquals(List.of(InetAddress.getByName("fd00::52")), addresses(event));
            client.acknowledge(event);
            Await.until("the server to take the acknowledgement", () -> watchesOf(client),
                    w -> w.size() == 1 && w.get(0).unacked() == 0);

            assertNull("no retransmission after the acknowledgement (they would come 2 s and 6 s after the event)",
                    client.receive(Duration.ofSeconds(8)));
            assertEquals("the LLQ is still held", 1, watchesOf(client).size());

            RawLlqClient.Received cancel = client.refresh(id, 0);
            assertEquals(0, cancel.option().error());
            assertEquals(0, cancel.option().lease());
            assertTrue(watchesOf(client).isEmpty());
        }
    }

    private static InetSocketAddress server() {
        return RUNTIME.server();
    }

    /** The LLQs the rendezvous reports for this client's socket. */
    private List<WatchState> watchesOf(RawLlqClient client) {
        return watchStatus.watches().stream()
                .filter(w -> w.mechanism() == WatchMechanism.LLQ_UDP && w.client().endsWith(":" + client.localPort())).toList();
    }

    private static List<InetAddress> addresses(RawLlqClient.Received event) {
        List<InetAddress> addresses = new ArrayList<>();
        for (Record r : event.message().getSection(Section.ANSWER)) {
            addresses.add(((AAAARecord) r).getAddress());
        }
        return addresses;
    }
}
