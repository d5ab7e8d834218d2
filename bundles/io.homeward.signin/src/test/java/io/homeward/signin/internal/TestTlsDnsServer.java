package io.homeward.signin.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

import io.homeward.api.auth.TsigKey;
import io.homeward.testkit.SelfSignedTls;

/**
 * A loopback DNS-over-TLS server with a self-signed certificate that knows some TSIG keys, as the
 * rendezvous does: unknown key → BADKEY, bad MAC → BADSIG, otherwise a signed SOA answer.
 */
final class TestTlsDnsServer implements AutoCloseable {
    private final Map<String, TsigKey> keys;
    private final SSLServerSocket socket;
    private final Thread acceptor;
    private final String fingerprint;
    final AtomicInteger answered = new AtomicInteger();

    TestTlsDnsServer(Map<String, TsigKey> keys) throws Exception {
        this(keys, new SelfSignedTls());
    }

    private TestTlsDnsServer(Map<String, TsigKey> keys, SelfSignedTls tls) throws Exception {
        this(keys, tls.serverContext(), tls.fingerprint());
    }

    /** Presents the certificate of {@code context}, as the rendezvous' EST service shares its DNS-over-TLS one. */
    TestTlsDnsServer(Map<String, TsigKey> keys, SSLContext context, String fingerprint) throws Exception {
        this.keys = keys;
        this.fingerprint = fingerprint;
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "test-tls-dns");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    HostPort address() {
        return new HostPort("127.0.0.1", socket.getLocalPort());
    }

    String fingerprint() {
        return fingerprint;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                byte[] answer = answer(wire);
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
                answered.incrementAndGet();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(byte[] wire) throws IOException {
        Message request = new Message(wire);
        TSIGRecord signature = request.getTSIG();
        Message response = new Message(request.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(request.getQuestion(), Section.QUESTION);
        TsigKey key = signature == null ? null : keys.get(signature.getName().toString());
        if (key == null) {
            response.getHeader().setRcode(Rcode.NOTAUTH);
            if (signature != null) {
                new TSIG(signature.getAlgorithm(), signature.getName(), new byte[32])
                        .apply(response, Rcode.BADKEY, signature);
            }
            return response.toWire();
        }
        TSIG tsig = new TSIG(signature.getAlgorithm(), signature.getName(),
                new SecretKeySpec(key.secret(), TSIG.nameToAlgorithm(signature.getAlgorithm())));
        if (tsig.verify(request, wire, null) != Rcode.NOERROR) {
            response.getHeader().setRcode(Rcode.NOTAUTH);
            tsig.apply(response, Rcode.BADSIG, signature);
            return response.toWire();
        }
        Name zone = request.getQuestion().getName();
        response.addRecord(new SOARecord(zone, DClass.IN, 3600, Name.fromConstantString("ns.test."),
                Name.fromConstantString("hostmaster.test."), 1, 3600, 600, 86400, 60), Section.ANSWER);
        tsig.apply(response, signature);
        return response.toWire();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(5000);
    }
}
