package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.RateLimiter;
import io.homeward.rendezvous.dns.internal.hosts.HostNames;
import io.homeward.rendezvous.dns.internal.hosts.RevocationRecords;
import io.homeward.rendezvous.dns.internal.journal.FileJournal;
import io.homeward.rendezvous.dns.internal.lease.LeasePolicy;
import io.homeward.rendezvous.dns.internal.llq.LlqServer;
import io.homeward.rendezvous.dns.internal.push.PushServer;
import io.homeward.rendezvous.dns.internal.query.AnswerCache;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.request.QueryResponder;
import io.homeward.rendezvous.dns.internal.request.RequestPipeline;
import io.homeward.rendezvous.dns.internal.response.EdnsPolicy;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;
import io.homeward.rendezvous.dns.internal.transfer.ZoneTransfer;
import io.homeward.rendezvous.dns.internal.tsig.TsigReplayCache;
import io.homeward.rendezvous.dns.internal.tsig.TsigSigner;
import io.homeward.rendezvous.dns.internal.tsig.TsigVerifier;
import io.homeward.rendezvous.dns.internal.update.UpdateProcessor;
import io.homeward.rendezvous.dns.internal.watch.Question;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * The rendezvous DNS server put together, without OSGi: the journal under the zones, the request pipeline over
 * them, and the LLQ and push servers told of their changes. Its parts are handed out by role; closing it
 * answers the updates still waiting for the disk and closes the journal.
 */
public final class DnsServer implements AutoCloseable {
    /** Clients, and keys, whose UPDATE rate is tracked at once. */
    static final int RATE_LIMITED_CLIENTS = 10_000;
    /** Answers kept for repeated questions; a household's zones have far fewer names. */
    static final int ANSWER_CACHE_ENTRIES = 50_000;
    /** MACs of signed UPDATEs and LLQ requests remembered against replay, far more than the fudge window sees. */
    static final int REPLAY_CACHE_ENTRIES = 100_000;
    /** Refusals an unauthenticated sender can provoke are logged once per kind and interval, then counted. */
    static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(60);

    private final FileJournal journal;
    private final ZoneStore zones;
    private final WatchServers watches;
    private final RequestPipeline requests;

    /**
     * @param keys       finds a TSIG key by name (absolute, lower case)
     * @param scopes     what the key of that name may change (docs/enrollment.md, "Per-host keys")
     * @param random     LLQ-IDs and event message IDs: a SecureRandom outside tests
     * @param events     the thread that turns zone changes into LLQ events and PUSH messages
     * @param journalDir directory of the journal and snapshot, created when missing
     * @throws IOException when the journal cannot be opened or read
     */
    public DnsServer(ServerSettings settings, WatchSettings watchSettings, Function<String, Optional<TsigKey>> keys,
            Function<String, Optional<KeyScope>> scopes, Clock clock, Random random, Executor events, Path journalDir,
            Logger log) throws IOException {
        this.journal = new FileJournal(journalDir, settings.compactionBytes(), log);
        this.zones = new ZoneStore(settings.zoneTemplate(), journal, clock, log);
        try {
            zones.open();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        CountedLog refusals = new CountedLog(log, clock, REFUSAL_LOG_INTERVAL);
        TsigSigner signer = new TsigSigner(clock);
        ResponseWriter writer = new ResponseWriter(new EdnsPolicy(settings.ednsPayload()), signer);
        QueryAnswerer answerer = new QueryAnswerer(zones);
        LlqServer llq = new LlqServer(watchSettings, answerer, writer, settings.ednsPayload(), clock, random, events,
                log, refusals);
        PushServer push = new PushServer(watchSettings, this::currentRecords, clock, events, random, log, refusals);
        zones.addListener(llq);
        zones.addListener(push);
        this.watches = new WatchServers(llq, push, refusals);
        this.requests = new RequestPipeline(zones, new AnswerCache(zones::generation, ANSWER_CACHE_ENTRIES),
                new RateLimiter<>(settings.updatesPerSecond(), settings.updateBurst(), RATE_LIMITED_CLIENTS,
                        clock),
                new RateLimiter<>(settings.keyUpdatesPerSecond(), settings.keyUpdateBurst(),
                        RATE_LIMITED_CLIENTS, clock),
                new TsigVerifier(keys, scopes, clock),
                new QueryResponder(answerer, new ZoneTransfer(zones), push, signer, writer, refusals),
                new UpdateProcessor(zones, new LeasePolicy(settings.leaseMinSeconds(), settings.leaseMaxSeconds()),
                        settings.zoneRecordQuota(), clock, log, refusals),
                llq, push, new TsigReplayCache(REPLAY_CACHE_ENTRIES, clock), writer, log, refusals);
    }

    /** Where the transports hand every DNS message. */
    public DnsRequestHandler requests() {
        return requests;
    }

    /** The long-lived queries and push sessions: timers, closed connections, status. */
    public WatchServers watches() {
        return watches;
    }

    /** The zones: created and removed with the accounts, leases expired, changes told to listeners. */
    public ZoneStore zones() {
        return zones;
    }

    /**
     * A host's key was deleted (docs/enrollment.md, "Revocation", step 4): everything it published goes in one
     * journaled change, and its LLQs and DNS Push connections end. Returns once the change is durable.
     *
     * @param zone the user's zone
     * @param host the host's name, {@code laptop.<zone>}
     * @param key  the name of the deleted key
     * @return the records removed
     */
    public int removeHost(Name zone, Name host, Name key) throws IOException {
        try {
            return zones.replace(zone, z -> HostNames.published(z, host), List.of());
        } finally {
            watches.closeKey(key);
        }
    }

    /**
     * Rewrites the zone's revocation list at {@code _revoked._homeward.<zone>} from the CA's certificates for it
     * (docs/enrollment.md, "Revocation", step 2), in one journaled change; returns once durable.
     *
     * @return the TXT records now published there
     */
    public int publishRevocations(Name zone, List<HostCertificate> certificates, Instant now) throws IOException {
        List<Record> revoked = RevocationRecords.of(zone, certificates, now);
        zones.replace(zone, z -> z.rrset(RevocationRecords.owner(zone), Type.TXT), revoked);
        return revoked.size();
    }

    /** The apexes of the user zones. */
    public List<Name> userZones() {
        return zones.read(() -> zones.zones().stream().filter(Zone::isUserZone).map(Zone::apex).toList());
    }

    /** The zones as operators see them. */
    public ZoneDirectory directory() {
        return new StoredZoneDirectory(zones);
    }

    /** Answers the updates still waiting for the disk, then closes the journal. */
    @Override
    public void close() throws IOException {
        journal.close();
    }

    /** The records that answer a question now, for the first PUSH after a SUBSCRIBE. */
    private List<Record> currentRecords(Question question) {
        return zones.read(() -> {
            Zone zone = zones.find(question.name());
            return zone == null ? List.<Record>of() : zone.rrset(question.name(), question.type());
        });
    }
}
