package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.SaTableTest.ENDPOINT;
import static io.homeward.tunnel.internal.SaTableTest.spec;
import static io.homeward.tunnel.internal.SaTableTest.ula;
import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.testkit.RecordingLogger;

class KeepalivesTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(-5 * SECOND);
    private final SaTable table = new SaTable(name -> AES_GCM, () -> AES_GCM, now::get, new SplittableRandom(1),
            HoldLimits.DEFAULT, new RecordingLogger().logger());
    private final List<String> sent = new ArrayList<>();
    private final DatagramSender sender = (buf, off, len, to) -> sent.add(
            to + " " + Arrays.toString(Arrays.copyOfRange(buf, off, off + len)));
    private final Keepalives keepalives = new Keepalives(table, sender, now::get);

    @Test
    void sendsOneFfOctetToAPeerIdleForTwentySeconds() throws Exception {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));

        now.addAndGet(19 * SECOND);
        assertEquals(0, keepalives.sendDue());
        now.addAndGet(SECOND);
        assertEquals(1, keepalives.sendDue());

        assertEquals(List.of(ENDPOINT + " [-1]"), sent);
        assertEquals(0, keepalives.sendDue(), "the keepalive itself restarts the interval");
    }

    @Test
    void outboundTrafficPostponesTheKeepalive() throws Exception {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        OutboundPath out = new OutboundPath(table, sender, now::get);
        byte[] packet = new byte[60];
        packet[0] = 0x60;
        System.arraycopy(ula(1).getAddress(), 0, packet, 24, 16);

        now.addAndGet(15 * SECOND);
        out.send(packet, 0, packet.length);
        now.addAndGet(15 * SECOND);

        assertTrue(keepalives.due().isEmpty());
        now.addAndGet(5 * SECOND);
        assertEquals(1, keepalives.due().size());
    }

    @Test
    void skipsPeersWhoseEndpointIsUnknown() throws Exception {
        SaSpec known = spec(ula(1), 0x1000, "aes-gcm-16");
        table.install(new SaSpec(known.peer(), known.inboundSpi(), known.outboundSpi(), known.suite(),
                known.inboundKey(), known.outboundKey(), null));
        table.install(spec(ula(2), 0x2000, "aes-gcm-16"));
        now.addAndGet(60 * SECOND);

        assertEquals(1, keepalives.sendDue());
        assertTrue(sent.get(0).startsWith(ENDPOINT.toString()));
        table.moveEndpoint(table.byInboundSpi(0x1000), new InetSocketAddress("192.0.2.1", 4500));
        assertEquals(1, keepalives.sendDue());
    }

    @Test
    void aPeerWithSeveralPairsGetsOneKeepaliveAndASendOnAnyPairPostponesIt() throws Exception {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        table.add(spec(ula(1), 0x1001, "aes-gcm-16"), Sending.AFTER_FIRST_INBOUND);
        now.addAndGet(20 * SECOND);

        assertEquals(1, keepalives.sendDue());
        assertEquals(1, sent.size());

        now.addAndGet(15 * SECOND);
        table.byInboundSpi(0x1000).sent(60, now.get());
        table.firstInbound(table.byInboundSpi(0x1001));
        now.addAndGet(15 * SECOND);
        assertTrue(keepalives.due().isEmpty(), "the old pair's send counts for the new sending pair too");
    }
}
