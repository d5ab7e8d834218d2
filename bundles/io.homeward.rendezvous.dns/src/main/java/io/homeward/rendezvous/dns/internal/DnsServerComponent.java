package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.xbill.DNS.Name;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsConnectionListener;
import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.rendezvous.dns.internal.transfer.NotifySender;

/**
 * Wires the {@link DnsEngine} into the framework: configuration, the journal directory, the account service
 * for zones and keys, a lease sweeper thread, a thread for LLQ and push timers and events, and the NOTIFY
 * sender. Registered as the transports' {@link DnsRequestHandler} and {@link DnsConnectionListener}, as an
 * {@link AccountListener} that creates and drops user zones, and as the operators' {@link ZoneDirectory} and
 * {@link WatchStatus}.
 */
@Designate(ocd = DnsServerComponent.Config.class)
@Component(name = DnsServerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {DnsRequestHandler.class, DnsConnectionListener.class, AccountListener.class, ZoneDirectory.class,
                WatchStatus.class})
public class DnsServerComponent
        implements DnsRequestHandler, DnsConnectionListener, AccountListener, ZoneDirectory, WatchStatus {
    static final String PID = "io.homeward.rendezvous.dns";
    /** Framework property naming the directory where runtime data lives. */
    static final String DATA_PROPERTY = "homeward.data";
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(2);
    private static final int NOTIFY_ATTEMPTS = 3;
    /** How often LLQ retransmissions, lease ends and DSO timers are looked at. */
    private static final long WATCH_TICK_MILLIS = 250;

    @ObjectClassDefinition(name = "Homeward rendezvous DNS server",
            description = "The authoritative DNS server for the users' zones: queries, signed updates with leases,"
                    + " zone transfer and NOTIFY.")
    public @interface Config {
        @AttributeDefinition(description = "Domain under which every user gets a zone, for example"
                + " members.example. Must match the accounts service's domain.")
        String domain() default "members.example.";

        @AttributeDefinition(description = "Host name of this server, used as NS, SOA MNAME and SRV target."
                + " Leave empty for ns.<domain>.")
        String nameServer() default "";

        @AttributeDefinition(description = "Public IPv4/IPv6 addresses of the name server host, served as glue"
                + " in the domain zone. Clients cannot reach the update service by name without them.")
        String[] nameServerAddresses() default {};

        @AttributeDefinition(description = "Mailbox of the zone administrator in DNS form (SOA RNAME). Leave"
                + " empty for hostmaster.<domain>.")
        String hostmaster() default "";

        @AttributeDefinition(description = "TLS port advertised in the _dns-update-tls, _dns-llq-tls and"
                + " _dns-push-tls SRV records of every user zone; must be where the DNS-over-TLS listener runs.")
        int tlsPort() default 8853;

        @AttributeDefinition(description = "EDNS(0) UDP payload size this server advertises and sends at most"
                + " (512..65535). 1232 avoids IP fragmentation on nearly every path.")
        int ednsPayloadSize() default 1232;

        @AttributeDefinition(description = "Seconds resolvers may cache a negative answer (SOA minimum)."
                + " Keep it short: host records come and go.")
        long negativeTtl() default 60;

        @AttributeDefinition(description = "Shortest update lease granted, in seconds. Lower it only for tests.")
        long leaseMinSeconds() default 1800;

        @AttributeDefinition(description = "Longest update lease granted, in seconds. Records of a host that"
                + " vanishes stay at most this long.")
        long leaseMaxSeconds() default 7200;

        @AttributeDefinition(description = "UPDATE messages per second each client address may send on average;"
                + " more are answered REFUSED.")
        double updatesPerSecond() default 5;

        @AttributeDefinition(description = "UPDATE messages a client address may send in a burst above the rate.")
        int updateBurst() default 20;

        @AttributeDefinition(description = "Secondary servers to NOTIFY when a zone changes, as address:port"
                + " with a literal address ([v6addr]:port for IPv6). They still need a TSIG key of the zone to"
                + " transfer it.")
        String[] secondaries() default {};

        @AttributeDefinition(description = "Journal size in bytes above which it is compacted into a snapshot.")
        long journalCompactionBytes() default 1_048_576;

        @AttributeDefinition(description = "Shortest long-lived query (LLQ, RFC 8764) lease granted, in seconds;"
                + " clients asking for less get this. Lower it only for tests.")
        long llqLeaseMinSeconds() default 900;

        @AttributeDefinition(description = "Longest LLQ lease granted, in seconds. An LLQ whose client vanished"
                + " keeps costing memory at most this long.")
        long llqLeaseMaxSeconds() default 7200;

        @AttributeDefinition(description = "LLQs one client address may hold; more are answered SERV-FULL."
                + " Raise it when many hosts share one NAT address.")
        int llqPerClient() default 64;

        @AttributeDefinition(description = "LLQs the server holds in total; more are answered SERV-FULL.")
        int llqTotal() default 10_000;

        @AttributeDefinition(description = "DNS Push subscriptions one DSO session may hold; more are answered"
                + " SERVFAIL with a Retry Delay.")
        int pushSubscriptionsPerSession() default 256;

        @AttributeDefinition(description = "DNS Push subscriptions the server holds in total.")
        int pushSubscriptionsTotal() default 10_000;

        @AttributeDefinition(description = "DSO inactivity timeout told to push clients, in seconds: a session"
                + " without subscriptions is closed after twice this long (at least 5 s).")
        long pushInactivitySeconds() default 30;

        @AttributeDefinition(description = "DSO keepalive interval told to push clients, in seconds (at least 10):"
                + " a session silent for twice this long is closed.")
        long pushKeepaliveSeconds() default 60;

        @AttributeDefinition(description = "Seconds a client refused for load, or sent away when this server"
                + " stops, is asked to wait before trying again. Watchers of a restarted server are blind for"
                + " about this long; raise it only if reconnecting clients overload the server.")
        long watchRetryDelaySeconds() default 10;
    }

    private final Logger log;
    private final Name domain;
    private final DnsEngine engine;
    private final NotifySender notifier;
    private final ScheduledExecutorService sweeper;
    private final ScheduledExecutorService watchThread;
    private volatile AccountService accounts;

    @Activate
    public DnsServerComponent(BundleContext context, Config config,
            @Reference(name = "logger", service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        ServerSettings settings = ConfigParser.settings(config);
        String data = context.getProperty(DATA_PROPERTY);
        Path base = data != null ? Path.of(data) : context.getDataFile("").toPath();
        this.domain = settings.domain();
        this.watchThread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "homeward-dns-watches"));
        try {
            this.engine = new DnsEngine(settings, ConfigParser.watchSettings(config), this::key, Clock.systemUTC(),
                    new SecureRandom(), watchThread, base.resolve("dns"), log);
        } catch (IOException | RuntimeException e) {
            watchThread.shutdownNow();
            throw e;
        }
        try {
            this.notifier = new NotifySender(settings.secondaries(), NOTIFY_TIMEOUT, NOTIFY_ATTEMPTS,
                    new SecureRandom(), log);
        } catch (IOException e) {
            engine.close();
            watchThread.shutdownNow();
            throw e;
        }
        engine.addListener(notifier);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "homeward-dns-leases"));
        sweeper.scheduleWithFixedDelay(this::expireLeases, 1, 1, TimeUnit.SECONDS);
        watchThread.scheduleWithFixedDelay(this::tick, WATCH_TICK_MILLIS, WATCH_TICK_MILLIS, TimeUnit.MILLISECONDS);
        log.info("DNS server for {} ready, name server {}", settings.domain(), settings.nameServer());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAccounts(AccountService service) {
        accounts = service;
        if (!ConfigParser.absolute(service.domain()).equals(domain)) {
            log.warn("The accounts live under {} but this DNS server serves {}: set the same domain in both",
                    service.domain(), domain);
        }
        service.users().forEach(this::accountAdded);
    }

    void unbindAccounts(AccountService service) {
        if (accounts == service) {
            accounts = null;
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        sweeper.shutdownNow();
        sweeper.awaitTermination(5, TimeUnit.SECONDS);
        engine.shutdownSessions();
        watchThread.shutdownNow();
        watchThread.awaitTermination(5, TimeUnit.SECONDS);
        engine.removeListener(notifier);
        notifier.close();
        engine.close();
    }

    @Override
    public void handle(byte[] message, DnsResponder responder) {
        engine.handle(message, responder);
    }

    @Override
    public void closed(DnsResponder connection) {
        engine.connectionClosed(connection);
    }

    @Override
    public List<ZoneSummary> zones() {
        return engine.directory().zones();
    }

    @Override
    public List<ZoneRecord> records(String zone) {
        return engine.directory().records(zone);
    }

    @Override
    public List<WatchState> watches() {
        return engine.watches();
    }

    @Override
    public void accountAdded(Account account) {
        try {
            if (engine.createZone(ConfigParser.absolute(account.zone()))) {
                log.info("Created zone {} for user {}", account.zone(), account.user());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("Could not create zone {} for user {}: {}", account.zone(), account.user(), e.getMessage());
        }
    }

    @Override
    public void accountRemoved(Account account) {
        try {
            if (engine.removeZone(ConfigParser.absolute(account.zone()))) {
                log.info("Removed zone {} of user {}", account.zone(), account.user());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("Could not remove zone {} of user {}: {}", account.zone(), account.user(), e.getMessage());
        }
    }

    private Optional<TsigKey> key(String name) {
        AccountService service = accounts;
        return service == null ? Optional.empty() : service.key(name);
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            log.error("LLQ and push timers failed; will retry shortly", e);
        }
    }

    private void expireLeases() {
        try {
            engine.expireLeases();
        } catch (IOException | RuntimeException e) {
            log.error("Expiring update leases failed; will retry in a second", e);
        }
    }
}
