package io.homeward.itests;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;
import io.homeward.itests.bench.CookieBinding;

/**
 * A DNS Push client (RFC 8765) over DNS-over-TLS written from the RFCs, to see exactly what the server
 * answers: DNS messages and DSO messages (RFC 8490 §5.4) with the 2-byte length framing of RFC 7766.
 * It trusts any certificate, because the server's is self-signed and identity is not under test here.
 */
final class RawPushClient implements AutoCloseable {
    static final int CONNECTION_CLOSED = -1;
    private static final int DSO_OPCODE = 6;
    private static final int SUBSCRIBE = 0x0040;

    private final SSLSocket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    RawPushClient(int tlsPort) throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", tlsPort);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    /**
     * Asks for the connection's server cookie, then sends the SOA query for the zone with it, signed with the key
     * (how a session is bound to a zone); returns the RCODE.
     */
    int bindWithSignedSoa(String zone, TsigKey key) throws IOException {
        write(CookieBinding.challenge(Name.fromString(zone)).toWire());
        Message query = CookieBinding.proof(Name.fromString(zone), new Message(read()));
        new TSIG(TSIG.HMAC_SHA256, Name.fromString(key.name()), new SecretKeySpec(key.secret(), "HmacSHA256"))
                .apply(query, null);
        write(query.toWire());
        return new Message(read()).getRcode();
    }

    /** Sends a DNS message exactly as given (for instance one captured elsewhere); returns the RCODE. */
    int send(byte[] wire) throws IOException {
        write(wire);
        return new Message(read()).getRcode();
    }

    /**
     * Sends SUBSCRIBE (RFC 8765 §6.2) with this message ID and returns the RCODE of its response, or
     * {@link #CONNECTION_CLOSED} when the server closed the connection instead of answering.
     */
    int subscribe(int id, String name, int type) throws IOException {
        byte[] owner = Name.fromString(name).toWire();
        ByteBuffer message = ByteBuffer.allocate(12 + 4 + owner.length + 4);
        message.putShort((short) id).putShort((short) (DSO_OPCODE << 11)).putLong(0);
        message.putShort((short) SUBSCRIBE).putShort((short) (owner.length + 4)).put(owner)
                .putShort((short) type).putShort((short) DClass.IN);
        write(message.array());
        while (true) {
            byte[] reply;
            try {
                reply = read();
            } catch (EOFException e) {
                return CONNECTION_CLOSED;
            }
            ByteBuffer header = ByteBuffer.wrap(reply);
            int replyId = header.getShort() & 0xffff;
            int flags = header.getShort() & 0xffff;
            boolean response = (flags & 0x8000) != 0;
            if (response && ((flags >>> 11) & 0xf) == DSO_OPCODE && replyId == id) {
                return flags & 0xf;
            }
        }
    }

    private void write(byte[] message) throws IOException {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }

    private byte[] read() throws IOException {
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // The test is the client; no client certificates are checked.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Self-signed test server: the refusal logic is under test, not the certificate.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
