package io.homeward.itests.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The clients a slowloris must not keep out, each on a fresh connection: a TSIG-signed SOA query over DNS over TLS
 * (what binds a DNS Push session to a zone) and a TSIG-signed UPDATE over TCP.
 */
final class LegitimateClients {
    private static final int TIMEOUT_MILLIS = 5000;

    private final InetSocketAddress tcp;
    private final InetSocketAddress tls;
    private final SSLContext context;
    private final TSIG key;
    private final Name zone;
    private final WatchedNames names;

    LegitimateClients(InetSocketAddress tcp, InetSocketAddress tls, Path certificate, TSIG key, Name zone)
            throws IOException, GeneralSecurityException {
        this.tcp = tcp;
        this.tls = tls;
        this.context = trusting(certificate);
        this.key = key;
        this.zone = zone;
        this.names = new WatchedNames(zone);
    }

    /** A signed SOA query for the zone over TLS; null when answered NOERROR, what went wrong otherwise. */
    String signedSoaOverTls() {
        Message query = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        key.apply(query, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(tls, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            return exchange(socket, query);
        } catch (IOException e) {
            return "TLS: " + e.getMessage();
        }
    }

    /** A signed UPDATE over TCP replacing one name's AAAA record; null when answered NOERROR. */
    String signedUpdateOverTcp(int sequence) {
        Name name = names.name(sequence % 16);
        Update update = new Update(zone);
        update.delete(name, Type.AAAA);
        update.add(new AAAARecord(name, DClass.IN, 120, WatchedNames.address(sequence)));
        key.apply(update, null);
        try (Socket socket = new Socket()) {
            socket.connect(tcp, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return exchange(socket, update);
        } catch (IOException e) {
            return "TCP: " + e.getMessage();
        }
    }

    private static String exchange(Socket socket, Message request) throws IOException {
        byte[] wire = request.toWire();
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
        InputStream in = socket.getInputStream();
        DataInputStream data = new DataInputStream(in);
        byte[] answer = new byte[data.readUnsignedShort()];
        data.readFully(answer);
        Message response = new Message(answer);
        if (response.getHeader().getID() != request.getHeader().getID()) {
            return "an answer to another message";
        }
        return response.getRcode() == Rcode.NOERROR ? null : "answered " + Rcode.string(response.getRcode());
    }

    /** Trusts exactly the server's self-signed certificate. */
    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("server",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
