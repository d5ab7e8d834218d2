package io.homeward.watcher.internal.net;

/** An open path to a server: a connected UDP socket or a TLS connection carrying length-prefixed messages. */
public interface Link {

    /** Sends one DNS message; a failure closes the link and is reported to its receiver. */
    void send(byte[] message);

    void close();

    /** What the link receives, delivered on the logic thread. */
    interface Receiver {
        void received(byte[] message);

        /** The link is gone (peer closed, I/O error); not called after {@link Link#close()}. */
        void closed(String reason);
    }
}
