package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * One UDP socket carrying many long-lived queries (RFC 8764): the signed four-way setup of each, with
 * retransmission of setup and challenge response (2 s, 4 s, three tries as Apple's client), and an
 * acknowledgement for every event, whose added AAAA records go to the {@link LatencyLog}.
 */
final class LlqSocket implements AutoCloseable {
    static final long LEASE_SECONDS = 7200;
    private static final int MAX_TRIES = 3;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int PAYLOAD = 1440;
    private static final long REMOVE_TTL = 0xFFFFFFFFL;
    private static final int HEADER_LENGTH = 12;

    private final DatagramChannel channel;
    private final TSIG key;
    private final LatencyLog log;
    private final Semaphore window;
    private final Map<Integer, Handshake> handshakes = new ConcurrentHashMap<>();
    private final Set<Name> held = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private volatile String firstFailure = "";
    private int nextId = 1;

    LlqSocket(InetSocketAddress server, TSIG key, int window, LatencyLog log) throws IOException {
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        channel.connect(server);
        this.key = key;
        this.window = new Semaphore(window);
        this.log = log;
        this.reader = new Thread(this::readLoop, "llq-reader-" + ((InetSocketAddress) channel.getLocalAddress()).getPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the setup of an LLQ for {@code name}; false when the window stayed full for {@code waitMillis}. */
    boolean setup(Name name, long waitMillis) throws InterruptedException, IOException {
        if (!window.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        Handshake handshake = new Handshake(freeId(), name);
        synchronized (handshake) {
            handshakes.put(handshake.messageId, handshake);
            handshake.send(request(handshake, 0, LEASE_SECONDS));
        }
        return true;
    }

    /** Resends what went unanswered for 2 s × tries; gives up after the third try. */
    void retransmit(long now) {
        for (Handshake h : handshakes.values()) {
            synchronized (h) {
                if (now - h.sentNanos < RETRY_NANOS * h.tries) {
                    continue;
                }
                if (h.tries >= MAX_TRIES) {
                    finish(h, "no answer to the " + (h.llqId == 0 ? "setup request" : "challenge response") + " for "
                            + h.name + " after " + MAX_TRIES + " tries");
                    continue;
                }
                try {
                    h.tries++;
                    h.send(h.wire);
                } catch (IOException e) {
                    finish(h, "resending failed: " + e.getMessage());
                }
            }
        }
    }

    boolean idle() {
        return handshakes.isEmpty();
    }

    boolean isHeld(Name name) {
        return held.contains(name);
    }

    String firstFailure() {
        return firstFailure;
    }

    private synchronized int freeId() {
        do {
            nextId = nextId == 0xffff ? 1 : nextId + 1;
        } while (handshakes.containsKey(nextId));
        return nextId;
    }

    /** A setup request (LLQ-ID 0) or challenge response (the challenge's ID and lease), TSIG-signed. */
    private byte[] request(Handshake h, long llqId, long lease) {
        Message message = Message.newQuery(Record.newRecord(h.name, Type.AAAA, DClass.IN));
        message.getHeader().setID(h.messageId);
        message.addRecord(new OPTRecord(PAYLOAD, 0, 0, 0, List.of(LlqOptions.setup(llqId, lease))), Section.ADDITIONAL);
        key.apply(message, null);
        return message.toWire();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65535);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                channel.receive(buffer);
                long now = System.nanoTime();
                handle(Arrays.copyOf(buffer.array(), buffer.position()), now);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                failure("unreadable reply: " + e.getMessage());
            }
        }
    }

    private void handle(byte[] wire, long now) throws IOException {
        Message message = new Message(wire);
        if (!message.getHeader().getFlag(Flags.QR)) {
            return;
        }
        Optional<LlqOptions.Llq> option = LlqOptions.of(message.getOPT());
        if (option.isPresent() && option.get().opcode() == LlqOptions.EVENT) {
            acknowledge(message, option.get());
            addedAddresses(wire, message.getHeader().getCount(Section.ANSWER), now);
            return;
        }
        Handshake h = handshakes.get(message.getHeader().getID());
        if (h == null) {
            return;
        }
        synchronized (h) {
            if (option.isEmpty()) {
                finish(h, "setup for " + h.name + " answered " + Rcode.string(message.getRcode()) + " without LLQ option");
            } else if (option.get().error() != 0) {
                finish(h, "setup for " + h.name + " answered LLQ error " + option.get().error());
            } else if (h.llqId == 0) {
                h.llqId = option.get().id();
                h.tries = 1;
                h.send(request(h, h.llqId, option.get().lease()));
            } else if (option.get().id() == h.llqId) {
                held.add(h.name);
                finish(h, null);
            }
        }
    }

    /**
     * Reads the answers off the wire: a removal's TTL 0xFFFFFFFF (RFC 8764 §7.1) does not survive dnsjava's
     * record parsing.
     */
    private void addedAddresses(byte[] wire, int answers, long now) throws IOException {
        DNSInput in = new DNSInput(wire);
        in.jump(HEADER_LENGTH);
        new Name(in);
        in.readU32();
        for (int i = 0; i < answers; i++) {
            new Name(in);
            int type = in.readU16();
            in.readU16();
            long ttl = in.readU32();
            byte[] rdata = in.readByteArray(in.readU16());
            int sequence = type == Type.AAAA && ttl != REMOVE_TTL ? WatchedNames.sequence(rdata) : -1;
            if (sequence >= 0) {
                log.eventArrived(sequence, now);
            }
        }
    }

    /** RFC 8764 §7.2: the event's message ID, response flags, its question and a copy of its LLQ option. */
    private void acknowledge(Message event, LlqOptions.Llq option) throws IOException {
        Message ack = new Message(event.getHeader().getID());
        ack.getHeader().setFlag(Flags.QR);
        ack.getHeader().setFlag(Flags.AA);
        ack.addRecord(event.getQuestion(), Section.QUESTION);
        ack.addRecord(new OPTRecord(PAYLOAD, 0, 0, 0, List.<EDNSOption>of(option.raw())), Section.ADDITIONAL);
        channel.write(ByteBuffer.wrap(ack.toWire()));
    }

    private void finish(Handshake h, String failure) {
        if (handshakes.remove(h.messageId, h)) {
            window.release();
            if (failure != null) {
                failure(failure);
            }
        }
    }

    private void failure(String why) {
        if (firstFailure.isEmpty()) {
            firstFailure = why;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            reader.join(5000);
        } catch (IOException e) {
            failure("closing: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One LLQ being set up; guarded by itself. */
    private final class Handshake {
        final int messageId;
        final Name name;
        long llqId;
        int tries = 1;
        long sentNanos;
        byte[] wire;

        Handshake(int messageId, Name name) {
            this.messageId = messageId;
            this.name = name;
        }

        void send(byte[] message) throws IOException {
            wire = message;
            sentNanos = System.nanoTime();
            channel.write(ByteBuffer.wrap(message));
        }
    }
}
