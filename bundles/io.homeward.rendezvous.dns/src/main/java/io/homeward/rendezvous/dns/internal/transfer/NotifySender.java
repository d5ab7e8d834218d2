package io.homeward.rendezvous.dns.internal.transfer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.ZoneChange;
import io.homeward.rendezvous.dns.internal.zone.ZoneChangeListener;

/**
 * Tells the configured secondaries that a zone changed (RFC 1996 §3): a NOTIFY over UDP from this sender's
 * own socket, repeated until the secondary answers with the same ID or the attempts run out (§3.6). All
 * sending happens on one named thread, so a zone change never waits for the network.
 */
public final class NotifySender implements ZoneChangeListener, AutoCloseable {
    private final List<InetSocketAddress> secondaries;
    private final Duration timeout;
    private final int attempts;
    private final Random random;
    private final Logger log;
    private final DatagramSocket socket;
    private final ExecutorService executor;

    public NotifySender(List<InetSocketAddress> secondaries, Duration timeout, int attempts, Random random, Logger log)
            throws IOException {
        this.secondaries = List.copyOf(secondaries);
        this.timeout = timeout;
        this.attempts = attempts;
        this.random = random;
        this.log = log;
        this.socket = new DatagramSocket();
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "homeward-dns-notify"));
    }

    @Override
    public void zoneChanged(ZoneChange change) {
        if (!secondaries.isEmpty()) {
            executor.execute(() -> secondaries.forEach(s -> notifyOne(change.zone(), s)));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        socket.close();
        try {
            executor.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notifyOne(Name zone, InetSocketAddress secondary) {
        int id = random.nextInt(0x10000);
        byte[] wire = notifyMessage(zone, id).toWire();
        try {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                socket.send(new DatagramPacket(wire, wire.length, secondary));
                if (awaitAnswer(id, secondary)) {
                    log.debug("Secondary {} acknowledged the NOTIFY for {}", secondary, zone);
                    return;
                }
            }
            log.warn("Secondary {} did not answer {} NOTIFY messages for {}", secondary, attempts, zone);
        } catch (IOException e) {
            if (!socket.isClosed()) {
                log.warn("Could not send a NOTIFY for {} to {}: {}", zone, secondary, e.getMessage());
            }
        }
    }

    private boolean awaitAnswer(int id, InetSocketAddress secondary) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[512];
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (packet.getSocketAddress().equals(secondary) && packet.getLength() >= 12
                    && ((buffer[0] & 0xFF) << 8 | (buffer[1] & 0xFF)) == id && (buffer[2] & 0x80) != 0) {
                return true;
            }
        }
        return false;
    }

    private static Message notifyMessage(Name zone, int id) {
        Message message = new Message(id);
        message.getHeader().setOpcode(Opcode.NOTIFY);
        message.getHeader().setFlag(Flags.AA);
        message.addRecord(Record.newRecord(zone, Type.SOA, DClass.IN), Section.QUESTION);
        return message;
    }
}
