package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slowloris: many connections, each sending one byte of a message that never ends every ten seconds, from many
 * local addresses, and opened again a second after the server closes one. All from one selector thread.
 */
final class SlowSenders implements AutoCloseable {
    private static final long BYTE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long RECONNECT_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * Where to connect and the bytes to trickle: the start of a message as long as the protocol allows.
     *
     * @param server the listener
     * @param bytes  sent one at a time, from the start again when all are sent
     */
    record Target(InetSocketAddress server, byte[] bytes) {
        /** A DNS over TCP length prefix of 65535 and then zeros. */
        static Target plain(InetSocketAddress server) {
            return new Target(server, new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0});
        }

        /** The header of a TLS handshake record announcing 16 KB (RFC 8446 §5.1), then zeros. */
        static Target tls(InetSocketAddress server) {
            return new Target(server, new byte[] {0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0, 0});
        }
    }

    private final Selector selector;
    private final Sender[] senders;
    private final Thread thread;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile boolean running = true;

    /** Connection {@code i} comes from {@code sources.get(i % sources.size())} to {@code targets.get(i % targets.size())}. */
    SlowSenders(int count, List<InetAddress> sources, List<Target> targets) throws IOException {
        this.selector = Selector.open();
        this.senders = new Sender[count];
        for (int i = 0; i < count; i++) {
            senders[i] = new Sender(sources.get(i % sources.size()), targets.get(i % targets.size()));
        }
        this.thread = new Thread(this::run, "slow-senders");
        thread.setDaemon(true);
        thread.start();
    }

    int open() {
        return open.get();
    }

    long connects() {
        return connects.get();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    private void run() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try {
            while (running) {
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    Sender sender = (Sender) key.attachment();
                    if (key.isValid() && key.isConnectable()) {
                        sender.connected(System.nanoTime());
                    } else if (key.isValid() && key.isReadable()) {
                        sender.readable(sink);
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                for (Sender sender : senders) {
                    sender.tick(now);
                }
            }
        } catch (IOException e) {
            System.err.println("the slow senders stopped: " + e.getMessage());
        } finally {
            for (Sender sender : senders) {
                sender.drop(false, 0);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }

    private final class Sender {
        private final InetAddress source;
        private final Target target;
        private SocketChannel channel;
        private boolean connected;
        private int sent;
        private long due;

        Sender(InetAddress source, Target target) {
            this.source = source;
            this.target = target;
        }

        void tick(long now) {
            if (now - due < 0) {
                return;
            }
            if (channel == null) {
                connect(now);
            } else if (connected) {
                sendByte(now);
            }
        }

        private void connect(long now) {
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.bind(new InetSocketAddress(source, 0));
                connects.incrementAndGet();
                if (channel.connect(target.server())) {
                    connected(now);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, this);
                    due = now + BYTE_INTERVAL_NANOS;
                }
            } catch (IOException e) {
                drop(false, now);
            }
        }

        void connected(long now) {
            try {
                channel.finishConnect();
                channel.register(selector, SelectionKey.OP_READ, this);
                connected = true;
                open.incrementAndGet();
                sent = 0;
                sendByte(now);
            } catch (IOException e) {
                drop(false, now);
            }
        }

        private void sendByte(long now) {
            try {
                channel.write(ByteBuffer.wrap(target.bytes(), sent++ % target.bytes().length, 1));
                due = now + BYTE_INTERVAL_NANOS;
            } catch (IOException e) {
                drop(true, now);
            }
        }

        void readable(ByteBuffer sink) {
            try {
                sink.clear();
                if (channel.read(sink) >= 0) {
                    return;
                }
            } catch (IOException e) {
                // A reset: the server closed the connection as well.
            }
            drop(true, System.nanoTime());
        }

        void drop(boolean byServer, long now) {
            if (channel == null) {
                return;
            }
            if (connected) {
                open.decrementAndGet();
                if (byServer) {
                    closedByServer.incrementAndGet();
                }
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a connection the server already dropped; nothing is left to release.
            }
            channel = null;
            connected = false;
            due = now + RECONNECT_DELAY_NANOS;
        }
    }
}
