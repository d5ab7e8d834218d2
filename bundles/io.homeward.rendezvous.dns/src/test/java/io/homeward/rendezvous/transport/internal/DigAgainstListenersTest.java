package io.homeward.rendezvous.transport.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.ServerFixture;

/**
 * BIND's dig against the server behind the real listeners: zone transfers of a 50,000-record zone through the TCP
 * listener and its 256 KiB output queue, as a secondary takes them (RFC 5936 AXFR, RFC 1995 IXFR), and the DO bit
 * (RFC 3225). Needs the Debian package bind9-dnsutils; set
 * HOMEWARD_ALLOW_MISSING_TOOLS=1 to skip where it cannot be installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigAgainstListenersTest {
    static final int RECORDS = 50_000;
    /** SOA, NS, the four service SRVs (three DNS services and EST), the hosts, SOA again. */
    static final int TRANSFERRED = 1 + 1 + 4 + RECORDS + 1;

    @TempDir
    static Path dir;
    ServerFixture f;
    ListenerSet listeners;

    @BeforeAll
    void start() throws Exception {
        f = new ServerFixture(dir.resolve("dns"), ServerFixture.settings(1 << 30, 1000, 1000, List.of()));
        // 250 TXT records of 150 bytes an UPDATE: about 8 MB in all, 30 times the output queue.
        for (int batch = 0; batch < RECORDS / 250; batch++) {
            Record[] hosts = new Record[250];
            for (int i = 0; i < hosts.length; i++) {
                hosts[i] = ServerFixture.rr("host-" + batch + "-" + i, Type.TXT, "\"" + "x".repeat(150) + "\"");
            }
            f.addToAlice(hosts);
        }
        // dig signs with the real time.
        f.clock.set(Instant.now());
        listeners = ServerListeners.start(f, dir.resolve("tls"));
    }

    @AfterAll
    void stop() throws Exception {
        listeners.close();
        f.close();
    }

    @Test
    void aClientThatPausesGetsTheWholeZoneSignedAndInOrder() throws Exception {
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        Message request = Message.newQuery(Record.newRecord(ALICE, Type.AXFR, DClass.IN));
        key.apply(request, null);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listeners.status().tcpPort()));
            socket.setSoTimeout(20_000);
            byte[] wire = request.toWire();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            Thread.sleep(1000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(key, request.getTSIG());
            int records = 0;
            Record last = null;
            while (last == null || last.getType() != Type.SOA || records < 2) {
                byte[] response = new byte[in.readUnsignedShort()];
                in.readFully(response);
                Message message = new Message(response);
                assertEquals(Rcode.NOERROR, verifier.verify(message, response));
                List<Record> answer = message.getSection(Section.ANSWER);
                records += answer.size();
                last = answer.get(answer.size() - 1);
            }
            assertEquals(TRANSFERRED, records);
        }
    }

    @Test
    void digTakesTheWholeZoneByAxfr() throws Exception {
        String out = dig("AXFR", "alice.members.example.");
        assertTrue(out.contains("XFR size: " + TRANSFERRED + " records"), tail(out));
        assertTrue(out.contains("host-199-249.alice.members.example."), tail(out));
    }

    @Test
    void digTakesTheWholeZoneByIxfrFromAnOldSerialAndOnlyTheSoaWhenCurrent() throws Exception {
        long serial = f.serial(ALICE);
        String old = dig("IXFR=" + (serial - 10), "alice.members.example.");
        assertTrue(old.contains("XFR size: " + TRANSFERRED + " records"), tail(old));
        String current = dig("IXFR=" + serial, "alice.members.example.");
        assertTrue(current.contains("XFR size: 1 records"), tail(current));
        assertTrue(current.contains("SOA"), tail(current));
    }

    @Test
    void digSeesItsDoBitCopiedIntoTheResponse() throws Exception {
        String withDo = dig("+dnssec", "+notcp", "SOA", "alice.members.example.");
        assertTrue(withDo.matches("(?s).*; EDNS: version: 0, flags: do;.*"), tail(withDo));
        String without = dig("+nodnssec", "+notcp", "SOA", "alice.members.example.");
        assertTrue(without.matches("(?s).*; EDNS: version: 0, flags:;.*"), tail(without));
    }

    private String dig(String... query) throws Exception {
        List<String> command = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p",
                Integer.toString(listeners.status().tcpPort()), "+tries=1", "+time=20", "-y",
                "hmac-sha256:" + ALICE + ":" + Base64.getEncoder().encodeToString(ServerFixture.secret(1))));
        command.addAll(List.of(query));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            String problem = "dig is missing: install the Debian package bind9-dnsutils";
            if ("1".equals(System.getenv("HOMEWARD_ALLOW_MISSING_TOOLS"))) {
                return Assumptions.abort(problem + " (skipped: HOMEWARD_ALLOW_MISSING_TOOLS=1)");
            }
            return fail(problem + ", or set HOMEWARD_ALLOW_MISSING_TOOLS=1 to skip this test");
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        String out = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), tail(out));
        assertTrue(!out.contains("Transfer failed") && !out.contains("communications error"), tail(out));
        return out;
    }

    private static String tail(String out) {
        return out.length() <= 2000 ? out : "..." + out.substring(out.length() - 2000);
    }
}
