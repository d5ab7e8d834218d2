package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import org.osgi.service.metatype.annotations.Designate;
import org.xbill.DNS.Name;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;
import io.homeward.api.dns.DnsConnectionListener;
import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.kit.data.DataDirectory;
import io.homeward.rendezvous.dns.internal.transfer.NotifySender;

/**
 * Wires the {@link DnsServer} into the framework: configuration, the data directory, the account service
 * for zones, keys and what each key may change, the account CA (when there is one) for the revocation lists, a
 * lease sweeper thread, a thread for LLQ and push timers and events, and the NOTIFY sender. Registered as the
 * transports' {@link DnsRequestHandler} and {@link DnsConnectionListener}, as an {@link AccountListener} that
 * creates and drops user zones and removes the records of hosts whose key was deleted, and as the operators'
 * {@link ZoneDirectory} and {@link WatchStatus}.
 */
@Designate(ocd = DnsServerConfig.class)
@Component(name = DnsServerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {DnsRequestHandler.class, DnsConnectionListener.class, AccountListener.class, ZoneDirectory.class,
                WatchStatus.class})
public class DnsServerComponent
        implements DnsRequestHandler, DnsConnectionListener, AccountListener, ZoneDirectory, WatchStatus {
    static final String PID = "io.homeward.rendezvous.dns";
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(2);
    private static final int NOTIFY_ATTEMPTS = 3;
    /** How often LLQ retransmissions, lease ends and DSO timers are looked at. */
    private static final long WATCH_TICK_MILLIS = 250;

    private final Logger log;
    private final Name domain;
    private final Clock clock = Clock.systemUTC();
    private final DnsServer server;
    private final NotifySender notifier;
    private final ScheduledExecutorService sweeper;
    private final ScheduledExecutorService watchThread;
    private volatile AccountService accounts;
    private volatile CertificateAuthority authority;
    private final RevocationListener revocations = this::revoked;

    @Activate
    public DnsServerComponent(BundleContext context, DnsServerConfig config,
            @Reference(name = "logger", service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        ServerSettings settings = ConfigParser.settings(config);
        Path journalDir = DataDirectory.resolve(context, "dns", log);
        this.domain = settings.domain();
        this.watchThread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "homeward-dns-watches"));
        try {
            this.server = new DnsServer(settings, ConfigParser.watchSettings(config), this::key, this::scope, clock,
                    new SecureRandom(), watchThread, journalDir, log);
        } catch (IOException | RuntimeException e) {
            watchThread.shutdownNow();
            throw e;
        }
        try {
            this.notifier = new NotifySender(settings.secondaries(), NOTIFY_TIMEOUT, NOTIFY_ATTEMPTS,
                    new SecureRandom(), log);
        } catch (IOException e) {
            server.close();
            watchThread.shutdownNow();
            throw e;
        }
        server.zones().addListener(notifier);
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

    /**
     * The account CA, when this rendezvous has one: every revocation rewrites the zone's revocation list
     * (docs/enrollment.md, "Revocation"), and all lists are rewritten as it comes, for revocations made while it
     * was away. The CA does not depend on this component, so the optional reference makes no cycle.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuthority(CertificateAuthority ca) {
        authority = ca;
        ca.addRevocationListener(revocations);
        int revoked = 0;
        List<Name> zones = server.userZones();
        for (Name zone : zones) {
            revoked += publishRevocations(ca, zone);
        }
        log.info("The account CA is here: {} zone(s) list {} revoked certificate(s) at _revoked._homeward",
                zones.size(), revoked);
    }

    void unbindAuthority(CertificateAuthority ca) {
        ca.removeRevocationListener(revocations);
        if (authority == ca) {
            authority = null;
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        CertificateAuthority ca = authority;
        if (ca != null) {
            ca.removeRevocationListener(revocations);
        }
        sweeper.shutdownNow();
        sweeper.awaitTermination(5, TimeUnit.SECONDS);
        server.watches().shutdown();
        watchThread.shutdownNow();
        watchThread.awaitTermination(5, TimeUnit.SECONDS);
        server.zones().removeListener(notifier);
        notifier.close();
        server.close();
    }

    @Override
    public void handle(byte[] message, DnsResponder responder) {
        server.requests().handle(message, responder);
    }

    @Override
    public void closed(DnsResponder connection) {
        server.watches().closed(connection);
    }

    @Override
    public List<ZoneSummary> zones() {
        return server.directory().zones();
    }

    @Override
    public List<ZoneRecord> records(String zone) {
        return server.directory().records(zone);
    }

    @Override
    public List<WatchState> watches() {
        return server.watches().watches();
    }

    @Override
    public void accountAdded(Account account) {
        try {
            Name zone = ConfigParser.absolute(account.zone());
            if (server.zones().createZone(zone)) {
                log.info("Created zone {} for user {}", account.zone(), account.user());
                CertificateAuthority ca = authority;
                if (ca != null) {
                    // A user removed and added again may have certificates revoked under the old account.
                    publishRevocations(ca, zone);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("Could not create zone {} for user {}: {}", account.zone(), account.user(), e.getMessage());
        }
    }

    @Override
    public void accountRemoved(Account account) {
        try {
            if (server.zones().removeZone(ConfigParser.absolute(account.zone()))) {
                log.info("Removed zone {} of user {}", account.zone(), account.user());
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("Could not remove zone {} of user {}: {}", account.zone(), account.user(), e.getMessage());
        }
    }

    /** Revocation, step 4 (docs/enrollment.md): the host's key is gone, so are its records and its watches. */
    @Override
    public void hostRemoved(EnrolledHost host) {
        try {
            int removed = server.removeHost(ConfigParser.absolute(host.zone()), ConfigParser.absolute(host.fqdn()),
                    ConfigParser.absolute(host.key().name()));
            log.info("Host {} of user {} lost its key: removed its {} record(s) and closed its LLQs and DNS Push"
                    + " sessions", host.fqdn(), host.user(), removed);
        } catch (IOException | IllegalArgumentException e) {
            log.error("Could not remove the records of host {} of user {}: {}", host.fqdn(), host.user(),
                    e.getMessage());
        }
    }

    private void revoked(HostCertificate certificate) {
        CertificateAuthority ca = authority;
        if (ca == null) {
            return;
        }
        try {
            Name zone = ConfigParser.absolute(certificate.zone());
            log.info("Certificate {} of host {} was revoked: zone {} now lists {} revoked certificate(s)",
                    certificate.serial().toString(16), certificate.fqdn(), zone, publishRevocations(ca, zone));
        } catch (IllegalArgumentException e) {
            log.error("The revoked certificate {} names no valid zone: {}",
                    certificate.serial().toString(16), e.getMessage());
        }
    }

    /** Rewrites the zone's revocation list; returns the certificates it lists, 0 when it could not. */
    private int publishRevocations(CertificateAuthority ca, Name zone) {
        try {
            return server.publishRevocations(zone, ca.certificates(zone.toString()), clock.instant());
        } catch (IOException | RuntimeException e) {
            log.error("Could not publish the revoked certificates of zone {}: {}", zone, e.toString());
            return 0;
        }
    }

    private Optional<TsigKey> key(String name) {
        AccountService service = accounts;
        return service == null ? Optional.empty() : service.key(name);
    }

    private Optional<KeyScope> scope(String name) {
        AccountService service = accounts;
        return service == null ? Optional.empty() : service.scope(name);
    }

    private void tick() {
        try {
            server.watches().tick();
        } catch (RuntimeException e) {
            log.error("LLQ and push timers failed; will retry shortly", e);
        }
    }

    private void expireLeases() {
        try {
            server.zones().expireLeases(clock.instant());
        } catch (InterruptedIOException e) {
            // Deactivating: the journal still flushes the expiry before it closes.
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.error("Expiring update leases failed; will retry in a second", e);
        }
    }
}
