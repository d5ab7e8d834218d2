package io.homeward.watcher.internal.session;

/** One attempt to watch a name with one mechanism; reports through {@link SessionEvents}. */
public interface MechanismSession {

    void start();

    /** Ends the session politely (LLQ lease 0, DNS Push UNSUBSCRIBE) and releases the link. */
    void close();
}
