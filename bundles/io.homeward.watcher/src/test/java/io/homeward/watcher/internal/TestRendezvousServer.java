package io.homeward.watcher.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLServerSocket;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.testkit.SelfSignedTls;
import io.homeward.watcher.internal.wire.PushChange;
import io.homeward.watcher.internal.wire.RawTtls;

/**
 * A small rendezvous server on loopback for the watcher's tests: a zone, LLQ over UDP and TLS, DNS
 * Push over TLS with the TSIG-bound connection, all signing with the user's key. Only what the
 * client needs, with switches to make each mechanism unavailable.
 */
final class TestRendezvousServer implements AutoCloseable {
    static final Name ZONE = Name.fromConstantString(TestKeys.ZONE);
    static final Name HOST = Name.fromConstantString("rv." + TestKeys.ZONE);

    volatile boolean llqUdp = true;
    volatile boolean llqTls = true;
    volatile int subscribeRcode = Rcode.NOERROR;
    volatile long grantedLease = 3600;

    final List<String> acks = new CopyOnWriteArrayList<>();
    final AtomicInteger setups = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger subscribes = new AtomicInteger();
    final AtomicInteger tlsAccepts = new AtomicInteger();

    private final ServerWire wire = new ServerWire(Clock.systemUTC());
    private final Random random = new Random();
    private final Map<String, List<Record>> zone = new ConcurrentHashMap<>();
    private final Map<Long, Llq> llqs = new ConcurrentHashMap<>();
    private final Map<Integer, TSIGRecord> eventSignatures = new ConcurrentHashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final DatagramSocket udp;
    private final SSLServerSocket tls;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-rendezvous");
        thread.setDaemon(true);
        return thread;
    });
    private volatile byte[] lastEvent;
    private volatile SocketAddress lastEventClient;

    private record Llq(Name name, int type, SocketAddress client, Connection connection, boolean established) {
    }

    private record Subscriber(Connection connection, int id, Name name, int type) {
    }

    TestRendezvousServer(SelfSignedTls certificate) throws Exception {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        tls = (SSLServerSocket) certificate.serverContext().getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        put(new SOARecord(ZONE, DClass.IN, 3600, HOST, Name.fromConstantString("admin." + TestKeys.ZONE), 1, 3600,
                600, 86400, 60));
        put(new ARecord(HOST, DClass.IN, 3600, InetAddress.getLoopbackAddress()));
        threads.execute(this::serveUdp);
        threads.execute(this::acceptTls);
    }

    String udpAddress() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    /** Publishes the SRV record that points a TLS service ({@code _dns-push-tls._tcp}, ...) at this server. */
    void offer(String service) {
        put(new SRVRecord(Name.fromConstantString(service + "." + TestKeys.ZONE), DClass.IN, 3600, 0, 0,
                tls.getLocalPort(), HOST));
    }

    private void put(Record record) {
        zone.computeIfAbsent(key(record.getName(), record.getType()), k -> new CopyOnWriteArrayList<>()).add(record);
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + "/" + type;
    }

    private List<Record> answers(Name name, int type) {
        return List.copyOf(zone.getOrDefault(key(name, type), List.of()));
    }

    /** Adds a record and tells every LLQ and subscriber watching it. */
    void add(Record record) {
        put(record);
        changed(record, false);
    }

    void remove(Record record) {
        zone.getOrDefault(key(record.getName(), record.getType()), new ArrayList<>()).remove(record);
        changed(record, true);
    }

    /** Sends the last LLQ event again, as a server that missed the acknowledgement would. */
    void repeatLastEvent() throws IOException {
        udp.send(new DatagramPacket(lastEvent, lastEvent.length, lastEventClient));
    }

    /** Loses every LLQ, as a restarted server would. */
    void forgetLlqs() {
        llqs.clear();
    }

    /** Closes every TLS connection, as a restarted server would. */
    void dropConnections() {
        subscribers.clear();
        connections.forEach(Connection::close);
    }

    int llqCount() {
        return llqs.size();
    }

    private void changed(Record record, boolean removed) {
        for (Map.Entry<Long, Llq> entry : llqs.entrySet()) {
            Llq llq = entry.getValue();
            if (llq.established() && llq.name().equals(record.getName()) && llq.type() == record.getType()) {
                sendEvent(entry.getKey(), llq, record, removed);
            }
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.name().equals(record.getName()) && subscriber.type() == record.getType()) {
                subscriber.connection().send(push(record, removed ? PushChange.REMOVE : record.getTTL()));
            }
        }
    }

    private void sendEvent(long id, Llq llq, Record record, boolean removed) {
        Message event = new Message(random.nextInt(0x10000));
        event.getHeader().setFlag(Flags.QR);
        event.getHeader().setFlag(Flags.AA);
        event.addRecord(Record.newRecord(llq.name(), llq.type(), DClass.IN), Section.QUESTION);
        event.addRecord(record, Section.ANSWER);
        event.addRecord(LlqOption.of(LlqOption.EVENT, id, grantedLease).toOpt(), Section.ADDITIONAL);
        byte[] unsigned = event.toWire();
        byte[] signed = wire.sign(removed ? ServerWire.withAnswerTtl(unsigned, 0, RawTtls.REMOVE) : unsigned, null);
        try {
            eventSignatures.put(event.getHeader().getID(), new Message(signed).getTSIG());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (llq.connection() != null) {
            llq.connection().send(signed);
        } else {
            lastEvent = signed;
            lastEventClient = llq.client();
            try {
                udp.send(new DatagramPacket(signed, signed.length, llq.client()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] push(Record record, long ttl) {
        byte[] owner = record.getName().toWire();
        byte[] rdata = record.rdataToWireCanonical();
        byte[] data = ByteBuffer.allocate(owner.length + 10 + rdata.length).put(owner)
                .putShort((short) record.getType()).putShort((short) record.getDClass()).putInt((int) ttl)
                .putShort((short) rdata.length).put(rdata).array();
        return new DsoMessage(0, false, 0, List.of(new DsoMessage.Tlv(DsoMessage.PUSH, data))).toWire();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] request = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] response = handle(request, packet.getSocketAddress(), null);
                if (response != null) {
                    udp.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers one ordinary DNS message (UDP or TLS); null for none. */
    private byte[] handle(byte[] request, SocketAddress client, Connection connection) throws IOException {
        Message query = new Message(request);
        LlqOption option = LlqOption.find(query).orElse(null);
        if (query.getHeader().getFlag(Flags.QR)) {
            TSIGRecord event = eventSignatures.get(query.getHeader().getID());
            if (option != null && event != null && wire.verify(query, request, event)) {
                acks.add(Integer.toHexString(query.getHeader().getID()));
            }
            return null;
        }
        boolean signed = query.getTSIG() != null;
        if (signed && !wire.verify(query, request, null)) {
            return respond(query, Rcode.NOTAUTH, List.of(), null, false);
        }
        Record question = query.getQuestion();
        boolean llqOffered = connection == null ? llqUdp : llqTls;
        if (option != null && llqOffered) {
            return llq(query, option, client, connection);
        }
        if (connection != null && question.getType() == Type.SOA && question.getName().equals(ZONE) && signed) {
            connection.authenticated = true;
        }
        return respond(query, Rcode.NOERROR, answers(question.getName(), question.getType()), null, signed);
    }

    private byte[] llq(Message query, LlqOption option, SocketAddress client, Connection connection) {
        Record question = query.getQuestion();
        long lease = Math.min(option.leaseSeconds(), grantedLease);
        if (option.opcode() == LlqOption.SETUP && option.id() == 0) {
            setups.incrementAndGet();
            long id = random.nextLong();
            boolean stream = connection != null;
            llqs.put(id, new Llq(question.getName(), question.getType(), client, connection, stream));
            return respond(query, Rcode.NOERROR, stream ? answers(question.getName(), question.getType()) : List.of(),
                    LlqOption.of(LlqOption.SETUP, id, lease), true);
        }
        Llq llq = llqs.get(option.id());
        if (llq == null) {
            return respond(query, Rcode.NOERROR, List.of(),
                    new LlqOption(1, option.opcode(), LlqOption.NO_SUCH_LLQ, option.id(), 0), true);
        }
        if (option.opcode() == LlqOption.SETUP) {
            llqs.put(option.id(), new Llq(llq.name(), llq.type(), llq.client(), llq.connection(), true));
            return respond(query, Rcode.NOERROR, answers(question.getName(), question.getType()),
                    LlqOption.of(LlqOption.SETUP, option.id(), lease), true);
        }
        refreshes.incrementAndGet();
        if (option.leaseSeconds() == 0) {
            llqs.remove(option.id());
        }
        return respond(query, Rcode.NOERROR, List.of(), LlqOption.of(LlqOption.REFRESH, option.id(), lease), true);
    }

    private byte[] respond(Message query, int rcode, List<Record> answers, LlqOption option, boolean sign) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.getHeader().setRcode(rcode);
        if (query.getQuestion() != null) {
            response.addRecord(query.getQuestion(), Section.QUESTION);
        }
        answers.forEach(answer -> response.addRecord(answer, Section.ANSWER));
        if (option != null) {
            response.addRecord(option.toOpt(), Section.ADDITIONAL);
        }
        byte[] unsigned = response.toWire();
        return sign ? wire.sign(unsigned, query.getTSIG()) : unsigned;
    }

    private void acceptTls() {
        while (!tls.isClosed()) {
            try {
                Connection connection = new Connection(tls.accept());
                tlsAccepts.incrementAndGet();
                connections.add(connection);
                threads.execute(connection::serve);
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Connection {
        private final Socket socket;
        volatile boolean authenticated;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (true) {
                    byte[] message = new byte[in.readUnsignedShort()];
                    in.readFully(message);
                    byte[] response = DsoMessage.isDso(message) ? dso(DsoMessage.parse(message))
                            : handle(message, socket.getRemoteSocketAddress(), this);
                    if (response != null) {
                        send(response);
                    }
                }
            } catch (IOException e) {
                close();
            }
        }

        private byte[] dso(DsoMessage request) {
            switch (request.primaryType()) {
                case DsoMessage.KEEPALIVE:
                    if (request.id() == 0) {
                        return null;
                    }
                    byte[] timers = ByteBuffer.allocate(8).putInt(600_000).putInt(15_000).array();
                    return new DsoMessage(request.id(), true, 0,
                            List.of(new DsoMessage.Tlv(DsoMessage.KEEPALIVE, timers))).toWire();
                case DsoMessage.SUBSCRIBE:
                    return subscribe(request);
                case DsoMessage.UNSUBSCRIBE:
                    int id = request.tlvs().get(0).subscriptionId();
                    subscribers.removeIf(s -> s.connection() == this && s.id() == id);
                    return null;
                default:
                    return new DsoMessage(request.id(), true, Rcode.DSOTYPENI, List.of()).toWire();
            }
        }

        private byte[] subscribe(DsoMessage request) {
            subscribes.incrementAndGet();
            try {
                org.xbill.DNS.DNSInput in = new org.xbill.DNS.DNSInput(request.tlvs().get(0).data());
                Name name = new Name(in);
                int type = in.readU16();
                int rcode = authenticated ? subscribeRcode : Rcode.REFUSED;
                send(new DsoMessage(request.id(), true, rcode, List.of()).toWire());
                if (rcode == Rcode.NOERROR) {
                    subscribers.add(new Subscriber(this, request.id(), name, type));
                    for (Record record : answers(name, type)) {
                        send(push(record, record.getTTL()));
                    }
                }
                return null;
            } catch (IOException e) {
                return new DsoMessage(request.id(), true, Rcode.FORMERR, List.of()).toWire();
            }
        }

        void send(byte[] message) {
            try {
                synchronized (this) {
                    OutputStream out = socket.getOutputStream();
                    out.write(new byte[] {(byte) (message.length >>> 8), (byte) message.length});
                    out.write(message);
                    out.flush();
                }
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            connections.remove(this);
            subscribers.removeIf(s -> s.connection() == this);
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tls.close();
        dropConnections();
        threads.shutdownNow();
    }
}
