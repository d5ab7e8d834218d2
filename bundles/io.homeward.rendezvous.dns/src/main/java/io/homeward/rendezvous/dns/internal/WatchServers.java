package io.homeward.rendezvous.dns.internal;

import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Name;

import io.homeward.api.dns.DnsConnectionListener;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.llq.LlqServer;
import io.homeward.rendezvous.dns.internal.push.PushServer;

/**
 * The LLQ server (RFC 8764) and the DNS Push server (RFC 8765) together, as the transports, the timers and the
 * operators see them.
 */
public final class WatchServers implements DnsConnectionListener, WatchStatus {
    private final LlqServer llq;
    private final PushServer push;
    private final CountedLog refusals;

    WatchServers(LlqServer llq, PushServer push, CountedLog refusals) {
        this.llq = llq;
        this.push = push;
        this.refusals = refusals;
    }

    /**
     * Runs the LLQ and push timers: lease ends, event retransmission, DSO keepalive and inactivity; and writes
     * the summaries of the refusals counted in the intervals that ended.
     */
    public void tick() {
        llq.tick();
        push.tick();
        refusals.flush();
    }

    /** Forgets the LLQs and push session of a stream connection that closed. */
    @Override
    public void closed(DnsResponder connection) {
        llq.connectionClosed(connection);
        push.connectionClosed(connection);
    }

    /** Ends the LLQs and closes the DNS Push connections authenticated with a deleted key; returns how many. */
    public int closeKey(Name keyName) {
        return llq.closeKey(keyName) + push.closeKey(keyName);
    }

    /** Every LLQ and push subscription held now. */
    @Override
    public List<WatchState> watches() {
        List<WatchState> all = new ArrayList<>(llq.watches());
        all.addAll(push.watches());
        return all;
    }

    /** Tells DSO clients to go away for the retry delay; call before the listeners stop. */
    public void shutdown() {
        push.shutdown();
    }
}
