package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.testkit.MutableClock;

class UpdateClientTest {
    private static final HostRecordSet LAPTOP = TestInputs.set("laptop", TestInputs.PUBLIC, 61_000);
    private static final InetSocketAddress DNS = new InetSocketAddress("127.0.0.1", 8053);

    private final FakeNetwork network = new FakeNetwork();
    private final MutableClock clock = new MutableClock(Instant.now());
    private int nextId = 100;

    private UpdateClient client(Optional<InetSocketAddress> fixed) {
        return new UpdateClient(network, fixed, SrvLookup.blocking(network::queryUdp, DNS, new Random(nextId)), "AB:CD", clock,
                () -> nextId++);
    }

    /** The rendezvous server's answer: SRV to ns.members.example. port 8853, glue A 127.0.0.1. */
    private static byte[] srvAnswer(byte[] query) throws IOException {
        Message asked = new Message(query);
        Message response = new Message(asked.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(asked.getQuestion(), Section.QUESTION);
        Name target = Name.fromString("ns.members.example.");
        response.addRecord(new SRVRecord(asked.getQuestion().getName(), DClass.IN, 120, 0, 0, 8853, target),
                Section.ANSWER);
        response.addRecord(new ARecord(target, DClass.IN, 120, TestInputs.address("127.0.0.1")), Section.ADDITIONAL);
        return response.toWire();
    }

    @Test
    void findsTheUpdateServerBySrvAndSendsOneSignedUpdate() throws Exception {
        network.udp = UpdateClientTest::srvAnswer;
        network.tls = request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1));
        UpdateSender.Granted granted = client(Optional.empty()).publish(TestInputs.ALICE, LAPTOP, Optional.empty(),
                Duration.ofMinutes(90));
        assertEquals(new UpdateSender.Granted(Duration.ofHours(1), "127.0.0.1:8853"), granted);
        Message srvQuery = new Message(network.udpQueries.get(0));
        assertEquals("_dns-update-tls._tcp.alice.members.example.", srvQuery.getQuestion().getName().toString());
        assertEquals(Type.SRV, srvQuery.getQuestion().getType());
        assertEquals(DNS, network.udpTo.get(0));
        assertEquals(new InetSocketAddress("127.0.0.1", 8853), network.tlsTo.get(0));
        assertEquals("AB:CD", network.pins.get(0));
        Message update = new Message(network.updates.get(0));
        assertEquals(Rcode.NOERROR, Answers.tsig(TestInputs.KEY).verify(update, network.updates.get(0), null));
        assertEquals(12, update.getSection(Section.UPDATE).size());
    }

    @Test
    void aConfiguredServerSkipsTheSrvLookupAndAMissingLeaseOptionMeansTheAskedLease() throws Exception {
        network.tls = request -> Answers.granted(request, TestInputs.KEY, null);
        InetSocketAddress fixed = new InetSocketAddress("127.0.0.1", 9853);
        UpdateSender.Granted granted = client(Optional.of(fixed)).publish(TestInputs.ALICE, LAPTOP, Optional.empty(),
                Duration.ofMinutes(90));
        assertEquals(Duration.ofMinutes(90), granted.lease());
        assertEquals(0, network.udpTo.size());
        assertEquals(fixed, network.tlsTo.get(0));
    }

    private String failure(FakeNetwork.Responder answer) {
        network.tls = answer;
        return assertThrows(UpdateFailure.class, () -> client(Optional.of(new InetSocketAddress("127.0.0.1", 8853)))
                .publish(TestInputs.ALICE, LAPTOP, Optional.empty(), Duration.ofMinutes(90))).getMessage();
    }

    @Test
    void eachRefusalIsExplainedInWordsAnOperatorCanActOn() {
        assertTrue(failure(r -> Answers.plain(r, Rcode.REFUSED)).startsWith("REFUSED: the update server "
                + "127.0.0.1:8853 does not let key alice.members.example. change zone alice.members.example."));
        assertTrue(failure(r -> Answers.plain(r, Rcode.NOTAUTH)).startsWith("NOTAUTH: the update server"));
        assertTrue(failure(r -> Answers.tsigError(r, Rcode.BADKEY, new byte[0]))
                .contains("does not know the key alice.members.example.; the account may not exist there"));
        assertTrue(failure(r -> Answers.tsigError(r, Rcode.BADSIG, new byte[0])).startsWith("BADSIG"));
        String badTime = failure(r -> Answers.tsigError(r, Rcode.BADTIME,
                Answers.serverTime(Instant.parse("2030-01-01T00:00:00Z"))));
        assertTrue(badTime.startsWith("BADTIME: this host's clock") && badTime.contains("2030-01-01T00:00:00Z"),
                badTime);
        assertEquals("SERVFAIL: the update server 127.0.0.1:8853 did not apply the update",
                failure(r -> Answers.plain(r, Rcode.SERVFAIL)));
    }

    @Test
    void anUnreachableServerAndAMissingSrvSayWhere() {
        assertEquals("cannot reach the update server 127.0.0.1:8853: Connection refused", failure(network.tls));
        network.udp = query -> Answers.plain(query, Rcode.NOERROR);
        UpdateFailure noSrv = assertThrows(UpdateFailure.class, () -> client(Optional.empty())
                .publish(TestInputs.ALICE, LAPTOP, Optional.empty(), Duration.ofMinutes(90)));
        assertTrue(noSrv.getMessage().startsWith("the zone publishes no SRV record "
                + "_dns-update-tls._tcp.alice.members.example. at the DNS server 127.0.0.1:8053"), noSrv.getMessage());
        network.udp = query -> Answers.plain(query, Rcode.NXDOMAIN);
        UpdateFailure noZone = assertThrows(UpdateFailure.class, () -> client(Optional.empty())
                .publish(TestInputs.ALICE, LAPTOP, Optional.empty(), Duration.ofMinutes(90)));
        assertTrue(noZone.getMessage().contains("is the zone (user name and domain) right"), noZone.getMessage());
    }

    @Test
    void aSetWhoseNamesAreNotValidDnsIsRefusedBeforeSending() {
        HostRecordSet bad = TestInputs.set("x".repeat(64), TestInputs.PUBLIC, 4500);
        UpdateFailure failure = assertThrows(UpdateFailure.class, () -> client(Optional.empty())
                .publish(TestInputs.ALICE, bad, Optional.empty(), Duration.ofMinutes(90)));
        assertTrue(failure.getMessage().startsWith("cannot build the UPDATE: host '" + "x".repeat(64)),
                failure.getMessage());
        assertEquals(0, network.updates.size());
    }

    @Test
    void anAnswerSignedWithAnotherKeyIsNotBelieved() {
        TsigKey other = new TsigKey(TestInputs.ZONE, "hmac-sha256.", new byte[32]);
        assertTrue(failure(r -> Answers.granted(r, other, Duration.ofHours(1))).contains("signed its answer wrongly"));
    }

    @Test
    void anAnswerToAnotherMessageIsNotBelieved() {
        String message = failure(r -> {
            Message answer = new Message(Answers.granted(r, TestInputs.KEY, Duration.ofHours(1)));
            answer.getHeader().setID(answer.getHeader().getID() ^ 1);
            return answer.toWire();
        });
        assertTrue(message.contains("answered another message"), message);
    }

    @Test
    void withdrawSendsOnlyDeletions() throws Exception {
        network.tls = request -> Answers.granted(request, TestInputs.KEY, null);
        client(Optional.of(new InetSocketAddress("127.0.0.1", 8853))).withdraw(TestInputs.ALICE, LAPTOP);
        Message sent = new Message(network.updates.get(0));
        assertTrue(sent.getSection(Section.UPDATE).stream().allMatch(r -> r.getDClass() != DClass.IN));
        assertEquals(null, sent.getOPT());
    }
}
