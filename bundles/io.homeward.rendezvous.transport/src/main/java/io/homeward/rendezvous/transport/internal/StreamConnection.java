package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/**
 * One DNS stream connection (RFC 7766 §6.2): pipelined queries, responses in any order, unsolicited
 * messages later. Handler threads only queue messages and ask the selector thread to act; every
 * socket operation happens on the selector thread, which also pulls the messages of a long series as the
 * client reads them (back-pressure).
 */
final class StreamConnection implements DnsResponder, ConnectionLimits.Holder {
    private final StreamListener listener;
    private final SocketChannel channel;
    private final InetSocketAddress client;
    private final Wire wire;
    private final OutboundQueue outbound;
    private final FrameDecoder decoder;
    private final ConnectionLimits.Slot slot;
    private final MessageDeadline deadline;
    /** Series of messages still to send, in order; the head is pulled from whenever the queue has room. */
    private final ConcurrentLinkedQueue<Iterator<byte[]>> series = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean open = true;
    private volatile boolean closeWhenFlushed;
    private volatile String abortReason;
    /** The idle timeout set by the request handler, or 0 for the listener's. */
    private volatile long idleTimeoutMillis;
    private SelectionKey key;
    private boolean inputDone;
    private boolean closed;
    private long lastActivity;

    StreamConnection(StreamListener listener, SocketChannel channel, InetSocketAddress client, Wire wire,
            ConnectionLimits.Slot slot, long maxQueuedBytes, long messageDeadlineMillis, long now) {
        this.listener = listener;
        this.channel = channel;
        this.client = client;
        this.wire = wire;
        this.outbound = new OutboundQueue(maxQueuedBytes);
        this.decoder = new FrameDecoder(this::received);
        this.slot = slot;
        this.deadline = new MessageDeadline(messageDeadlineMillis, now);
        this.lastActivity = now;
    }

    @Override
    public DnsTransport transport() {
        return listener.transport();
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public boolean send(byte[] message) {
        if (!open || message.length > OutboundQueue.MAX_MESSAGE) {
            return false;
        }
        if (!outbound.offer(message)) {
            abort("more than " + listener.maxQueuedBytes() + " bytes of responses queued; the client does not read");
            return false;
        }
        listener.schedule(this);
        return true;
    }

    @Override
    public boolean sendAll(Iterator<byte[]> messages) {
        if (!open) {
            return false;
        }
        series.add(messages);
        listener.schedule(this);
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Closes once every queued message is written, so a final error response still arrives. */
    @Override
    public void close() {
        closeWhenFlushed = true;
        listener.schedule(this);
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an idle timeout must be positive, not " + timeout);
        }
        idleTimeoutMillis = timeout.toMillis();
    }

    @Override
    public void markAuthenticated() {
        slot.authenticated();
    }

    @Override
    public void evicted(String reason) {
        abort(reason);
    }

    ConnectionLimits.Slot slot() {
        return slot;
    }

    /** Closes without writing what is queued. Any thread. */
    void abort(String reason) {
        abortReason = reason;
        open = false;
        listener.schedule(this);
    }

    /** Claims the right to put this connection on the selector's to-do list once. */
    boolean markScheduled() {
        return scheduled.compareAndSet(false, true);
    }

    // ---- selector thread only below ----

    void register(SelectionKey registered) {
        this.key = registered;
    }

    void onReadable(long now) {
        try {
            if (!wire.read(channel, decoder)) {
                inputDone = true;
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            }
            deadline.afterInput(decoder.inMessage() || wire.holdsPartialInput(), now);
            lastActivity = now;
            slot.heard(now);
            flush(now);
        } catch (IOException e) {
            closeNow(describe(e));
        }
    }

    void onWritable(long now) {
        try {
            flush(now);
        } catch (IOException e) {
            closeNow(describe(e));
        }
    }

    /** Acts on requests made by other threads: queued messages, close, abort. */
    void onScheduled(long now) {
        scheduled.set(false);
        if (closed) {
            return;
        }
        if (abortReason != null) {
            closeNow(abortReason);
            return;
        }
        onWritable(now);
    }

    /**
     * Closes the connection when it has been silent for longer than the idle timeout (RFC 7766 §6.2.3): the
     * listener's default, or the one the request handler set for this connection; or when the message it is
     * receiving has not arrived within the message deadline, however steadily its bytes trickle in.
     */
    void closeIfOverdue(long now, long defaultIdleMillis) {
        long idleMillis = idleTimeoutMillis > 0 ? idleTimeoutMillis : defaultIdleMillis;
        if (!closed && now - lastActivity >= idleMillis) {
            closeNow("idle for " + (now - lastActivity) / 1000 + " s");
        } else if (!closed && deadline.expired(now)) {
            closeNow("no complete message within " + deadline.limitMillis() + " ms");
        }
    }

    void closeNow(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        open = false;
        if (key != null) {
            key.cancel();
        }
        wire.closeOutbound(channel);
        try {
            channel.close();
        } catch (IOException e) {
            listener.closeFailed(client, e);
        }
        listener.closed(this, reason);
    }

    /** Writes what the socket takes; a pending series keeps write interest so that it goes on as the client reads. */
    private void flush(long now) throws IOException {
        if (!pullSeries()) {
            return;
        }
        long before = outbound.bytes();
        boolean done = wire.write(channel, outbound) && series.isEmpty();
        if (outbound.bytes() != before) {
            lastActivity = now;
        }
        if (closed) {
            return;
        }
        if (done && outbound.isEmpty() && (closeWhenFlushed || (inputDone && inFlight.get() == 0))) {
            closeNow(closeWhenFlushed ? "closed by the request handler" : "closed by the client");
            return;
        }
        int ops = inputDone ? 0 : SelectionKey.OP_READ;
        key.interestOps(done ? ops : ops | SelectionKey.OP_WRITE);
    }

    /** Moves messages of the pending series into the queue while it has room; false once closed for an error. */
    private boolean pullSeries() {
        while (outbound.wantsMore()) {
            Iterator<byte[]> head = series.peek();
            if (head == null) {
                return true;
            }
            byte[] message;
            try {
                message = head.hasNext() ? head.next() : null;
            } catch (RuntimeException e) {
                listener.seriesFailed(client, e);
                closeNow("producing a response failed: " + e);
                return false;
            }
            if (message == null) {
                series.poll();
            } else if (message.length > OutboundQueue.MAX_MESSAGE) {
                closeNow("a response of " + message.length + " bytes does not fit a stream frame");
                return false;
            } else {
                outbound.add(message);
            }
        }
        return true;
    }

    private void received(byte[] message) {
        deadline.completed();
        slot.completedMessage();
        inFlight.incrementAndGet();
        boolean accepted = listener.dispatch(message, this, () -> {
            inFlight.decrementAndGet();
            listener.schedule(this);
        });
        if (!accepted) {
            inFlight.decrementAndGet();
        }
    }

    private static String describe(IOException e) {
        return e instanceof MalformedStreamException ? "malformed stream: " + e.getMessage()
                : "connection error: " + e.getMessage();
    }
}
