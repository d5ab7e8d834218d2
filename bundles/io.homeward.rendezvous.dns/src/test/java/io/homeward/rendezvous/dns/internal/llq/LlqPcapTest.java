package io.homeward.rendezvous.dns.internal.llq;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.BROWSE;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.ptr;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.FakeResponder;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

/**
 * Wireshark's DNS dissector reads every LLQ message of a full exchange (setup, challenge, challenge response,
 * ACK with answers, add and remove events, acknowledgement) without a "Malformed" complaint. Needs tshark
 * (Debian package tshark); HOMEWARD_ALLOW_MISSING_TOOLS=1 skips the test where it cannot be installed.
 */
class LlqPcapTest {
    private static final byte[] CLIENT = {(byte) 192, 0, 2, 10};
    private static final byte[] SERVER = {(byte) 198, 51, 100, 53};
    private static final int CLIENT_PORT = 40000;
    private static final int SERVER_PORT = 53;
    /** LINKTYPE_RAW: each frame is a bare IPv4 packet. */
    private static final int LINKTYPE_RAW = 101;

    @TempDir
    Path dir;

    @Test
    void tsharkDissectsTheWholeExchangeWithoutComplaint() throws Exception {
        LlqClient c = new LlqClient(dir, WatchSettings.DEFAULTS);
        List<byte[]> frames = new ArrayList<>();
        try {
            FakeResponder client = LlqClient.udp();
            Message setup = c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.SETUP, 0, 7200), ALICE);
            Message challenge = c.exchange(setup, client);
            LlqOption granted = LlqOption.from(challenge.getOPT()).orElseThrow();
            Message response = c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.SETUP, granted.id(),
                    granted.leaseSeconds()), ALICE);
            c.exchange(response, client);
            c.f.addToAlice(ptr("alice-mbp"));
            Update delete = new Update(ALICE);
            delete.delete(ptr("alice-mbp"));
            assertEquals(Rcode.NOERROR, c.f.signedUpdate(delete).getRcode());
            Message ack = LlqClient.ack(LlqClient.parse(client.sent().get(3)));
            c.f.server.requests().handle(ack.toWire(), client);

            frames.add(udp(CLIENT, CLIENT_PORT, SERVER, SERVER_PORT, setup.toWire()));
            frames.add(udp(SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, client.sent().get(0)));
            frames.add(udp(CLIENT, CLIENT_PORT, SERVER, SERVER_PORT, response.toWire()));
            for (byte[] fromServer : client.sent().subList(1, client.sent().size())) {
                frames.add(udp(SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, fromServer));
            }
            frames.add(udp(CLIENT, CLIENT_PORT, SERVER, SERVER_PORT, ack.toWire()));
        } finally {
            c.f.close();
        }
        assertEquals(7, frames.size());
        Path pcap = dir.resolve("llq.pcap");
        Files.write(pcap, pcap(frames));

        String output = tshark(pcap);
        assertFalse(output.contains("Malformed"), output);
        assertEquals(7, count(output, "Domain Name System ("), output);
        assertEquals(7, count(output, "Option: LLQ") , output);
        assertTrue(output.contains("Transaction Signature") || output.contains("TSIG"), output);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    /** pcap file format: global header, then per frame a record header with times and lengths. */
    private static byte[] pcap(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0)
                .putInt(0).putInt(65535).putInt(LINKTYPE_RAW).array());
        int second = 1_777_000_000;
        for (byte[] frame : frames) {
            out.writeBytes(ByteBuffer.allocate(16).putInt(second++).putInt(0).putInt(frame.length)
                    .putInt(frame.length).array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** An IPv4 header (RFC 791, with its checksum) and a UDP header (RFC 768, checksum 0: none) around a payload. */
    private static byte[] udp(byte[] source, int sourcePort, byte[] destination, int destinationPort, byte[] payload) {
        int length = 20 + 8 + payload.length;
        ByteBuffer ip = ByteBuffer.allocate(length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(source).put(destination);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ip.getShort(i) & 0xffff;
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        ip.putShort(10, (short) ~sum);
        ip.putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return ip.array();
    }

    private static String tshark(Path pcap) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V").redirectErrorStream(true).start();
        } catch (IOException missing) {
            String problem = "tshark is missing: install the Debian package tshark";
            if ("1".equals(System.getenv("HOMEWARD_ALLOW_MISSING_TOOLS"))) {
                Assumptions.abort(problem + " (skipped: HOMEWARD_ALLOW_MISSING_TOOLS=1)");
            }
            return fail(problem + ", or set HOMEWARD_ALLOW_MISSING_TOOLS=1 to skip this test");
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tshark did not finish within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "tshark failed:\n" + text);
        return text;
    }
}
