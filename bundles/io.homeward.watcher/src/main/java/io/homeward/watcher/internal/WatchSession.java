package io.homeward.watcher.internal;

/** One attempt to watch a name with one mechanism; reports through {@link SessionEvents}. */
interface WatchSession {

    void start();

    /** Ends the watch politely (LLQ lease 0, DNS Push UNSUBSCRIBE) and releases the link. */
    void close();
}
