package io.homeward.registrar.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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

import io.homeward.api.auth.Credentials;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.RecordRegistrar;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationException;
import io.homeward.api.registration.RegistrationState;
import io.homeward.api.registration.RegistrationStatus;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * The agent's registrar: keeps this host's records published in the user's zone on the rendezvous server
 * while the user is signed in. Owns one logic thread; every socket lives and dies inside one UPDATE.
 */
@Component(service = {RecordRegistrar.class, RegistrationStatus.class}, configurationPid = "io.homeward.registrar",
        property = ProviderProperties.NAME + "=dns-update")
@Designate(ocd = RegistrarComponent.Config.class)
public class RegistrarComponent implements RecordRegistrar, RegistrationStatus {
    @ObjectClassDefinition(name = "Homeward registrar",
            description = "How the agent publishes this host's reachability records on the rendezvous server.")
    public @interface Config {
        @AttributeDefinition(description = "address:port of the rendezvous DNS server (IPv6 as [address]:port). "
                + "The SRV record _dns-update-tls._tcp.<zone> is looked up here to find the update server.")
        String dnsServer() default "127.0.0.1:8053";

        @AttributeDefinition(required = false, description = "address:port of the DNS-over-TLS update server. "
                + "Leave empty to find it with the SRV lookup; set it when the zone publishes no such SRV record.")
        String server() default "";

        @AttributeDefinition(required = false, description = "SHA-256 fingerprint of the update server's TLS "
                + "certificate, hex with or without colons. Empty accepts any certificate and logs its fingerprint "
                + "at WARN: copy that value here to pin it.")
        String tlsFingerprint() default "";

        @AttributeDefinition(min = "30", max = "7200", description = "Update lease to ask for, in seconds, from 30 "
                + "to 7200 (the console refuses other values; a configuration file's are clamped). The server removes "
                + "the records this long after a host vanishes without a clean stop. RFC 9664 asks for at least 1800; "
                + "shorter leases are for labs and tests.")
        int leaseSeconds() default 5400;

        @AttributeDefinition(description = "Seconds to wait for the DNS or update server before giving up on one "
                + "attempt (at least 1).")
        int timeoutSeconds() default 5;
    }

    private final Logger log;
    private final ExecutorScheduler scheduler;
    private final RegistrationEngine engine;
    private final Duration stopWait;
    private final PublicEndpointListener endpointListener = this::publicEndpointChanged;

    @Activate
    public RegistrarComponent(@Reference(service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        RegistrarSettings settings = RegistrarSettings.parse(config.server(), config.dnsServer(),
                config.tlsFingerprint(), config.leaseSeconds(), config.timeoutSeconds());
        this.scheduler = new ExecutorScheduler("homeward-registrar", log);
        this.stopWait = settings.timeout().multipliedBy(4).plusSeconds(1);
        this.engine = new RegistrationEngine(scheduler, Clock.systemUTC(), sender(settings, log),
                new DesiredRecords(System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT)),
                settings.lease(), log);
    }

    private static UpdateSender sender(RegistrarSettings settings, Logger log) {
        if (!settings.problems().isEmpty()) {
            log.error("Configuration io.homeward.registrar is invalid, nothing is published until it is fixed: {}",
                    settings.problems());
            return new MisconfiguredSender(settings.problems());
        }
        return updateClient(settings, log);
    }

    /** The client of the zone's update server that the settings name (valid settings only). */
    static UpdateClient updateClient(RegistrarSettings settings, Logger log) {
        SecureRandom random = new SecureRandom();
        Network network = new SocketNetwork(settings.timeout(), log);
        return new UpdateClient(network, settings.server(),
                SrvLookup.blocking(network::queryUdp, settings.dnsServer(), random),
                settings.pin(), Clock.systemUTC(), () -> random.nextInt(0x10000));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        scheduler.execute(() -> engine.credentials(signedIn));
    }

    void unbindCredentials(Credentials signedOut) {
        scheduler.execute(() -> engine.credentialsGone(signedOut));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedHostIdentity")
    void bindHostIdentity(HostIdentity identity) {
        scheduler.execute(() -> engine.identity(identity));
    }

    /** The identity's configuration, and so its host name, changed: republish under the new name. */
    void updatedHostIdentity(HostIdentity identity) {
        scheduler.execute(() -> engine.identity(identity));
    }

    void unbindHostIdentity(HostIdentity identity) {
        scheduler.execute(() -> engine.identityGone(identity));
    }

    /** Where peers reach this host: the registrar publishes what this contract reports. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.addPublicEndpointListener(endpointListener);
    }

    void unbindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.removePublicEndpointListener(endpointListener);
        scheduler.execute(() -> engine.publicEndpoint(Optional.empty()));
    }

    private void publicEndpointChanged(Optional<PublicEndpoint> previous, Optional<PublicEndpoint> current) {
        scheduler.execute(() -> engine.publicEndpoint(current));
    }

    @Override
    public Registration publish(HostRecordSet records, Duration lease) throws RegistrationException {
        return onLogicThread(() -> engine.publish(records, lease));
    }

    @Override
    public void withdraw() throws RegistrationException {
        onLogicThread(() -> {
            engine.withdraw();
            return null;
        });
    }

    @Override
    public Optional<Registration> current() {
        return engine.state().registration();
    }

    @Override
    public RegistrationState state() {
        return engine.state();
    }

    private interface Step<T> {
        T run() throws UpdateFailure;
    }

    private <T> T onLogicThread(Step<T> step) throws RegistrationException {
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                result.complete(step.run());
            } catch (UpdateFailure | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RegistrationException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RegistrationException("the registrar did not finish within " + stopWait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationException("interrupted while waiting for the registrar", e);
        }
    }

    /** Withdraws the records (bounded by the configured timeout) and stops the logic thread. */
    @Deactivate
    void deactivate() {
        scheduler.execute(engine::close);
        try {
            if (!scheduler.shutdown(stopWait)) {
                log.warn("The registrar could not withdraw its records within {} s; they expire with their lease",
                        stopWait.toSeconds());
                scheduler.stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.stopNow();
        }
    }
}
