package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import io.homeward.api.dns.DnsRequestHandler;

/**
 * Real DNS tools against the listeners: BIND's dig over UDP and TCP, Knot's kdig over TLS with
 * the generated certificate as its only trust anchor. Needs the Debian packages bind9-dnsutils and
 * knot-dnsutils; set HOMEWARD_ALLOW_MISSING_TOOLS=1 to skip where they cannot be installed.
 */
class DigInteropTest {
    private static final String ADDRESS = "192.0.2.53";

    @TempDir
    Path data;

    /** Answers every A question with one fixed address, built with dnsjava. */
    private static final DnsRequestHandler FIXED_A = (bytes, responder) -> {
        try {
            Message query = new Message(bytes);
            Record question = query.getQuestion();
            Message response = new Message(query.getHeader().getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setFlag(Flags.AA);
            if (query.getHeader().getFlag(Flags.RD)) {
                response.getHeader().setFlag(Flags.RD);
            }
            response.addRecord(question, Section.QUESTION);
            response.addRecord(new ARecord(question.getName(), DClass.IN, 120, InetAddress.getByName(ADDRESS)), Section.ANSWER);
            responder.send(response.toWire());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DNS query", e);
        }
    };

    @Test
    void digAndKdigGetTheAnswerOverUdpTcpAndTls() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, FIXED_A, ListenerHarness.stream(4, 10_000, 65536))) {
            String port = Integer.toString(server.status().udpPort());
            String udp = run("dig", "@127.0.0.1", "-p", port, "+tries=1", "+time=5", "host.test.example.", "A");
            assertAnswered(udp);
            assertTrue(udp.contains("(UDP)"), udp);

            String tcp = run("dig", "@127.0.0.1", "-p", port, "+tcp", "+tries=1", "+time=5", "host.test.example.", "A");
            assertAnswered(tcp);
            assertTrue(tcp.contains("(TCP)"), tcp);

            String tls = run("kdig", "@127.0.0.1", "-p", Integer.toString(server.status().tlsPort()),
                    "+tls-ca=" + data.resolve("tls").resolve(TlsIdentityStore.CERTIFICATE_FILE), "+tls-hostname=ns.test.example",
                    "+timeout=5", "+retry=0", "host.test.example.", "A");
            assertTrue(tls.contains("TLS session (TLS1.3)"), tls);
            assertTrue(tls.contains("status: NOERROR"), tls);
            assertTrue(tls.matches("(?s).*host\\.test\\.example\\.\\s+120\\s+IN\\s+A\\s+" + ADDRESS.replace(".", "\\.") + ".*"), tls);
        }
    }

    private static void assertAnswered(String output) {
        assertTrue(output.contains("status: NOERROR"), output);
        assertTrue(output.matches("(?s).*host\\.test\\.example\\.\\s+120\\s+IN\\s+A\\s+" + ADDRESS.replace(".", "\\.") + ".*"), output);
    }

    private static String run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(line).redirectErrorStream(true).start();
        } catch (IOException missing) {
            String problem = command[0] + " is missing: install the Debian packages bind9-dnsutils and knot-dnsutils";
            if ("1".equals(System.getenv("HOMEWARD_ALLOW_MISSING_TOOLS"))) {
                return Assumptions.abort(problem + " (skipped: HOMEWARD_ALLOW_MISSING_TOOLS=1)");
            }
            return fail(problem + ", or set HOMEWARD_ALLOW_MISSING_TOOLS=1 to skip this test");
        }
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", line) + " did not finish within 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", line) + " failed:\n" + output);
        return output;
    }
}
