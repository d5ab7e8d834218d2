package io.homeward.watcher.internal.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.util.promise.Promise;
import org.xbill.DNS.Message;

import io.homeward.watcher.internal.TestPromises;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.LinkOpener;

/** An in-memory link: keeps what the client sent; the test plays the server through {@link #receiver}. */
final class FakeLink implements Link, LinkOpener {
    final List<byte[]> sent = new ArrayList<>();
    Link.Receiver receiver;
    boolean closed;
    int opens;

    @Override
    public Promise<Link> open(Link.Receiver receiver) {
        this.receiver = receiver;
        opens++;
        closed = false;
        return TestPromises.INLINE.resolved(this);
    }

    @Override
    public void send(byte[] message) {
        sent.add(message);
    }

    @Override
    public void close() {
        closed = true;
    }

    byte[] last() {
        return sent.get(sent.size() - 1);
    }

    Message lastMessage() {
        try {
            return new Message(last());
        } catch (IOException e) {
            throw new AssertionError("the client sent a malformed message", e);
        }
    }
}
