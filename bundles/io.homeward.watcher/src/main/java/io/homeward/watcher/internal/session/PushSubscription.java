package io.homeward.watcher.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIGRecord;

/**
 * One watch on the shared DNS Push session ({@link PushConnection}): its name and type, and how far it got.
 * The session does the work; this is what the watch's runner holds.
 */
public final class PushSubscription implements MechanismSession {
    enum State { NEW, WAITING, SYNCING, LIVE, CLOSED }

    final Name name;
    final int type;
    final SessionEvents events;
    private final PushConnection connection;

    State state = State.NEW;
    /** The signed query that reads the full answer set after SUBSCRIBE, while it is outstanding. */
    int queryId;
    TSIGRecord queryTsig;
    /**
     * Changes pushed while the answer set is being read: the server may have read it before or after them, so
     * they are applied again on top of it, in order (adding what is there or removing what is not changes nothing).
     */
    final List<Consumer<PushSubscription>> heldWhileSyncing = new ArrayList<>();

    PushSubscription(PushConnection connection, Name name, int type, SessionEvents events) {
        this.connection = connection;
        this.name = name;
        this.type = type;
        this.events = events;
    }

    @Override
    public void start() {
        connection.add(this);
    }

    /** RFC 8765 §6.4: the session UNSUBSCRIBEs once no watch needs the name any more. */
    @Override
    public void close() {
        connection.remove(this);
    }
}
