package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/** A verified TSIG on a stream tells the transport that the connection's client has authenticated. */
class StreamAuthenticationTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void aVerifiedSignedQueryMarksTheConnectionAuthenticated() {
        Message query = soaQuery();
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(query, null);
        assertEquals(1, marks(query, Rcode.NOERROR));
    }

    @Test
    void anUnsignedOrWronglySignedQueryDoesNot() {
        assertEquals(0, marks(soaQuery(), Rcode.NOERROR));
        Message forged = soaQuery();
        new TSIG(TSIG.HMAC_SHA256, ALICE, new SecretKeySpec(ServerFixture.secret(99), "HmacSHA256"))
                .apply(forged, null);
        assertEquals(0, marks(forged, Rcode.NOTAUTH));
    }

    private static Message soaQuery() {
        return Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
    }

    /** Sends the query over a stream connection; checks the rcode and returns how often it was marked. */
    private int marks(Message query, int rcode) {
        CountingConnection connection = new CountingConnection(new FakeResponder(DnsTransport.TLS));
        f.server.requests().handle(query.toWire(), connection);
        assertEquals(rcode, connection.responses.only().getRcode());
        return connection.marked.get();
    }

    /** A stream connection that counts how often it was marked authenticated. */
    private static final class CountingConnection implements DnsResponder {
        final FakeResponder responses;
        final AtomicInteger marked = new AtomicInteger();

        CountingConnection(FakeResponder responses) {
            this.responses = responses;
        }

        @Override
        public DnsTransport transport() {
            return responses.transport();
        }

        @Override
        public InetSocketAddress client() {
            return responses.client();
        }

        @Override
        public boolean send(byte[] message) {
            return responses.send(message);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            responses.close();
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
            responses.setIdleTimeout(timeout);
        }

        @Override
        public void markAuthenticated() {
            marked.incrementAndGet();
        }
    }
}
