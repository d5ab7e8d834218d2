package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Issue 4: Wireshark's DNS dissector, an independent reading of RFC 8764, takes a real LLQ exchange with the
 * rendezvous apart without complaint: setup, challenge, challenge response, ACK with answers, an add event and a
 * remove event (TTL 0xFFFFFFFF) with their acknowledgements, a refresh and a cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlqDissectionTest {
    /** The datagrams of the exchange below; tshark stops after capturing them. */
    private static final int PACKETS = 12;

    @TempDir
    static Path dir;

    private RendezvousServer server;
    private long llqId;

    @BeforeAll
    void start() throws Exception {
        server = RendezvousServer.start(dir.resolve("server"), 1800);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void tsharkDissectsEveryLlqMessageWithoutMalformedPackets() throws Exception {
        Tool.requireInstalled("tshark");
        Path capture = dir.resolve("llq.pcapng");
        Process tshark = new ProcessBuilder("tshark", "-i", "lo", "-f", "udp port " + server.dnsPort, "-c",
                Integer.toString(PACKETS), "-a", "duration:60", "-w", capture.toString()).redirectErrorStream(true).start();
        try {
            awaitCapturing(tshark);
            exchange();
            assertTrue(tshark.waitFor(30, TimeUnit.SECONDS), "tshark did not stop after " + PACKETS + " packets");
        } finally {
            tshark.destroyForcibly();
        }

        Tool.Result text = Tool.run(null, "tshark", "-r", capture.toString(), "-d", "udp.port==" + server.dnsPort + ",dns", "-V");
        assertEquals(0, text.exit(), text.out());
        String out = text.out();
        assertFalse(out.contains("Malformed"), out);
        assertEquals(PACKETS, count(out, "Domain Name System ("), out);
        assertEquals(PACKETS, count(out, "Option: LLQ - Long-lived query"), out);
        assertEquals(PACKETS, count(out, "Option Length: 18"), out);
        // tshark 4.0 shows the 18 bytes as Option Data; their fields (RFC 8764 §3.2) are read back from its text.
        List<String> fields = new ArrayList<>();
        List<Long> leases = new ArrayList<>();
        Matcher data = Pattern.compile("Option Data: ([0-9a-f]{36})").matcher(out);
        while (data.find()) {
            fields.add(data.group(1).substring(0, 28));
            leases.add(Long.parseLong(data.group(1).substring(28), 16));
        }
        String id = "%016x".formatted(llqId);
        List<String> expected = new ArrayList<>();
        expected.add("0001" + "0001" + "0000" + "0000000000000000");
        for (String opcode : List.of("0001", "0001", "0001", "0003", "0003", "0003", "0003", "0002", "0002", "0002",
                "0002")) {
            expected.add("0001" + opcode + "0000" + id);
        }
        assertEquals(expected, fields, "version 1, no error, and in order: setup ×4, event and ack ×2, refresh and"
                + " cancel with their answers, all but the first with the server's LLQ-ID");
        assertEquals(List.of(7200L, 7200L, 7200L, 7200L), leases.subList(0, 4));
        // An event carries the lease left, whole seconds, so it may be a second short of the granted one.
        assertTrue(leases.subList(4, 8).stream().allMatch(l -> l >= 7190 && l <= 7200), leases::toString);
        assertEquals(List.of(7200L, 7200L, 0L, 0L), leases.subList(8, 12));
        assertTrue(out.contains("Time to live: 4294967295"), "the remove event's TTL 0xFFFFFFFF\n" + out);
    }

    /** Setup (4 datagrams), an add and a remove event with acks (4), a refresh and a cancel (4). */
    private void exchange() throws Exception {
        String name = "laptop." + RendezvousServer.zone("alice");
        SignedUpdates updates = new SignedUpdates(server.address(), RendezvousServer.key("alice"));
        try (RawLlqClient client = new RawLlqClient(server.address(), RendezvousServer.key("alice"), name, Type.AAAA)) {
            RawLlqClient.Received ack = client.establish(7200);
            assertEquals(7200, ack.option().lease(), "the lease asked for is within the server's range");
            llqId = ack.option().id();
            updates.send(updates.addAaaa(name, "fd00::61"));
            acknowledgeNextEvent(client);
            updates.send(updates.deleteAaaa(name, "fd00::61"));
            acknowledgeNextEvent(client);
            client.refresh(llqId, 7200);
            client.refresh(llqId, 0);
        }
    }

    private static void acknowledgeNextEvent(RawLlqClient client) throws Exception {
        RawLlqClient.Received event = client.receive(Duration.ofSeconds(10));
        assertNotNull(event, "an event within 10 s of the UPDATE");
        assertEquals(RawLlqClient.EVENT, event.option().opcode());
        client.acknowledge(event);
    }

    /** dumpcap says "Capturing on" once the filter is installed; packets sent before that would be missed. */
    private static void awaitCapturing(Process tshark) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Capturing on")) {
                return;
            }
        }
        throw new AssertionError("tshark did not start capturing:\n" + seen);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
