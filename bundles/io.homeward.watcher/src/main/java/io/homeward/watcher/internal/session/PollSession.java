package io.homeward.watcher.internal.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;

import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.net.Network;
import io.homeward.watcher.internal.wire.Records;

/**
 * The last resort: a signed query every poll interval; each answer set is diffed against what the
 * listener was told. A failed first poll means polling does not work either; later failures are
 * logged and the next poll tries again.
 */
public final class PollSession implements MechanismSession {
    private final Name name;
    private final int type;
    private final InetSocketAddress server;
    private final Network network;
    private final TsigSigner signer;
    private final long intervalMillis;
    private final Scheduler scheduler;
    private final Random random;
    private final SessionEvents events;
    private final Logger log;

    private boolean established;
    private boolean closed;
    private Scheduler.Scheduled timer = () -> { };

    public PollSession(Name name, int type, InetSocketAddress server, Network network, TsigSigner signer, long intervalMillis,
            Scheduler scheduler, Random random, SessionEvents events, Logger log) {
        this.name = name;
        this.type = type;
        this.server = server;
        this.network = network;
        this.signer = signer;
        this.intervalMillis = intervalMillis;
        this.scheduler = scheduler;
        this.random = random;
        this.events = events;
        this.log = log;
    }

    @Override
    public void start() {
        poll();
    }

    private void poll() {
        Message query = new Message(random.nextInt(0x10000));
        query.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
        byte[] wire = signer.sign(query);
        TSIGRecord tsig = query.getTSIG();
        network.query(server, wire).onSuccess(response -> answered(response, tsig)).onFailure(reason -> pollFailed("no answer from " + server + ": " + reason.getMessage()));
    }

    private void answered(byte[] wire, TSIGRecord tsig) {
        if (closed) {
            return;
        }
        Message response;
        try {
            response = new Message(wire);
        } catch (IOException e) {
            pollFailed("malformed answer: " + e.getMessage());
            return;
        }
        int rcode = response.getRcode();
        if (!signer.verify(response, wire, tsig)) {
            pollFailed("the answer is not signed with our key (rcode " + Rcode.string(rcode) + ")");
        } else if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            pollFailed("the server answered " + Rcode.string(rcode));
        } else {
            if (!established) {
                established = true;
                events.established();
            }
            events.answers(response.getSection(Section.ANSWER).stream()
                    .filter(record -> record.getType() == type)
                    .map(record -> Records.watched(record, record.getTTL())).toList());
            next();
        }
    }

    private void pollFailed(String reason) {
        if (closed) {
            return;
        }
        if (established) {
            log.info("Polling {} failed ({}); trying again in {} s", name, reason, intervalMillis / 1000);
            next();
        } else {
            closed = true;
            events.failed("polling " + name + " failed: " + reason, 0, false);
        }
    }

    private void next() {
        timer = scheduler.schedule(this::poll, Duration.ofMillis(intervalMillis));
    }

    @Override
    public void close() {
        closed = true;
        timer.cancel();
    }
}
