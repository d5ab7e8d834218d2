package io.homeward.itests.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * One DNS-over-TLS connection carrying a DSO session (RFC 8490) with many DNS Push subscriptions (RFC 8765):
 * bound to the zone by a TSIG-signed SOA query, then SUBSCRIBEs pipelined up to a window, a reader thread for
 * responses and PUSH messages, and Keepalive requests as the server's interval asks.
 */
final class PushConnection implements AutoCloseable {
    static final int MAX_SUBSCRIPTIONS = 60_000;
    private static final int DSO_FLAGS = 6 << 11;
    private static final int QR = 0x8000;
    private static final int KEEPALIVE = 0x0001;
    private static final int RETRY_DELAY = 0x0002;
    private static final int SUBSCRIBE = 0x0040;
    private static final int PUSH = 0x0041;
    private static final long ADD_TTL_LIMIT = 0x7FFFFFFFL;
    /** Keepalive requests use IDs above the subscriptions' (RFC 8490 §5.1: unique among outstanding requests). */
    private static final int FIRST_KEEPALIVE_ID = MAX_SUBSCRIPTIONS + 1;

    private final SSLSocket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final LatencyLog log;
    private final Semaphore window;
    private final Map<Integer, Name> pending = new ConcurrentHashMap<>();
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger keepaliveId = new AtomicInteger(FIRST_KEEPALIVE_ID);
    private volatile String firstFailure = "";
    private volatile long keepaliveIntervalMillis = 15_000;
    private volatile long lastKeepaliveNanos = System.nanoTime();
    private volatile boolean closed;
    private Thread reader;

    PushConnection(SSLSocket socket, int window, LatencyLog log) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
        this.window = new Semaphore(window);
        this.log = log;
    }

    /**
     * The agreed authorization for DNS Push: a signed SOA query for the zone on this connection, carrying the
     * server cookie the connection was given, answered NOERROR.
     */
    void bind(Name zone, TSIG key) throws IOException {
        write(CookieBinding.challenge(zone).toWire());
        Message query = CookieBinding.proof(zone, new Message(readFrame()));
        key.apply(query, null);
        write(query.toWire());
        Message answer = new Message(readFrame());
        if (answer.getRcode() != Rcode.NOERROR || answer.getHeader().getID() != query.getHeader().getID()) {
            throw new IOException("the signed SOA query for " + zone + " was answered "
                    + Rcode.string(answer.getRcode()) + "; check the user's password");
        }
        reader = new Thread(this::readLoop, "push-reader-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
        keepalive();
    }

    /**
     * Sends SUBSCRIBE for {@code name} with message ID {@code id} (1..{@value #MAX_SUBSCRIPTIONS}); false when the
     * window stayed full for {@code waitMillis} or the connection is gone.
     */
    boolean subscribe(int id, Name name, long waitMillis) throws InterruptedException {
        if (closed || !window.tryAcquire(waitMillis, TimeUnit.MILLISECONDS) || closed) {
            return false;
        }
        byte[] owner = name.toWire();
        ByteBuffer data = ByteBuffer.allocate(owner.length + 4).put(owner).putShort((short) Type.AAAA)
                .putShort((short) DClass.IN);
        pending.put(id, name);
        try {
            write(dso(id, SUBSCRIBE, data.array()));
            return true;
        } catch (IOException e) {
            pending.remove(id);
            failure("sending SUBSCRIBE failed: " + e.getMessage());
            return false;
        }
    }

    /** Sends a Keepalive request when half the server's keepalive interval has passed since the last one. */
    void keepaliveIfDue() throws IOException {
        if (!closed && System.nanoTime() - lastKeepaliveNanos > TimeUnit.MILLISECONDS.toNanos(keepaliveIntervalMillis / 2)) {
            keepalive();
        }
    }

    boolean idle() {
        return pending.isEmpty();
    }

    boolean isHeld(int id) {
        return held.contains(id);
    }

    String firstFailure() {
        return firstFailure;
    }

    private void keepalive() throws IOException {
        lastKeepaliveNanos = System.nanoTime();
        int id = keepaliveId.getAndUpdate(k -> k == 0xffff ? FIRST_KEEPALIVE_ID : k + 1);
        // Proposes 15 s / 15 s; the server's response says what to use (RFC 8490 §7.1).
        write(dso(id, KEEPALIVE, ByteBuffer.allocate(8).putInt(15_000).putInt(15_000).array()));
    }

    private void readLoop() {
        try {
            while (!closed) {
                byte[] frame = readFrame();
                long now = System.nanoTime();
                handle(frame, now);
            }
        } catch (IOException e) {
            if (!closed) {
                failure("the server closed the connection: " + e.getMessage());
            }
        } finally {
            closed = true;
            // Wakes a subscribe() waiting for the window; it sees the connection closed and gives up.
            window.release(pending.size() + 1);
        }
    }

    private void handle(byte[] frame, long now) throws IOException {
        ByteBuffer message = ByteBuffer.wrap(frame);
        int id = message.getShort(0) & 0xffff;
        int flags = message.getShort(2) & 0xffff;
        if (((flags >>> 11) & 0xf) != 6) {
            return;
        }
        message.position(12);
        int type = message.remaining() >= 4 ? message.getShort() & 0xffff : -1;
        byte[] data = new byte[type < 0 ? 0 : Math.min(message.getShort() & 0xffff, message.remaining())];
        message.get(data);
        if ((flags & QR) != 0 && id < FIRST_KEEPALIVE_ID) {
            subscribed(id, flags & 0xf);
        } else if (type == KEEPALIVE && data.length == 8) {
            keepaliveIntervalMillis = Math.max(10_000, Integer.toUnsignedLong(ByteBuffer.wrap(data).getInt(4)));
        } else if (type == PUSH) {
            pushed(data, now);
        } else if (type == RETRY_DELAY) {
            failure("the server asked the client to go away (Retry Delay)");
        }
    }

    private void subscribed(int id, int rcode) {
        Name name = pending.remove(id);
        if (name == null) {
            return;
        }
        window.release();
        if (rcode == Rcode.NOERROR) {
            held.add(id);
        } else {
            failure("SUBSCRIBE " + name + " answered " + Rcode.string(rcode));
        }
    }

    /** PUSH data: records with uncompressed names; a TTL up to 2^31-1 marks an add (RFC 8765 §6.3.1). */
    private void pushed(byte[] data, long now) throws WireParseException {
        DNSInput records = new DNSInput(data);
        while (records.remaining() > 0) {
            new Name(records);
            int type = records.readU16();
            records.readU16();
            long ttl = records.readU32();
            byte[] rdata = records.readByteArray(records.readU16());
            int sequence = type == Type.AAAA && ttl <= ADD_TTL_LIMIT ? WatchedNames.sequence(rdata) : -1;
            if (sequence >= 0) {
                log.eventArrived(sequence, now);
            }
        }
    }

    private void failure(String why) {
        if (firstFailure.isEmpty()) {
            firstFailure = why;
        }
    }

    private static byte[] dso(int id, int tlvType, byte[] data) {
        return ByteBuffer.allocate(16 + data.length).putShort((short) id).putShort((short) DSO_FLAGS)
                .putLong(0).putShort((short) tlvType).putShort((short) data.length).put(data).array();
    }

    private byte[] readFrame() throws IOException {
        int length = in.readUnsignedShort();
        byte[] frame = new byte[length];
        in.readFully(frame);
        if (length < 12) {
            throw new EOFException("a " + length + "-byte message, shorter than a DNS header");
        }
        return frame;
    }

    private synchronized void write(byte[] message) throws IOException {
        byte[] frame = ByteBuffer.allocate(2 + message.length).putShort((short) message.length).put(message).array();
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            failure("closing: " + e.getMessage());
        }
        if (reader != null) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
