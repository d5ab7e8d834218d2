package io.homeward.kerberos.internal.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
import org.osgi.service.metatype.annotations.Option;
import org.osgi.util.promise.Promise;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * {@link ServiceTickets}: tickets for services on the user's other hosts, obtained with this host's certificate from
 * sign-in (PKINIT to the other host's KDC at its ULA, through the tunnel, then the TGS exchange) and kept until they
 * end (docs/kerberos.md "The client"). Without a host certificate every request fails and says so. The exchanges run
 * on one thread this component owns; deactivation fails the requests under way and ends it.
 */
@Component(service = {ServiceTickets.class, ServiceTicketsComponent.class},
        configurationPid = ServiceTicketsComponent.PID)
@Designate(ocd = ServiceTicketsComponent.Config.class)
public class ServiceTicketsComponent implements ServiceTickets {
    static final String PID = "io.homeward.kerberos.client";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward Kerberos client",
            description = "Tickets for services on the user's other hosts: PKINIT with this host's certificate to"
                    + " the other host's KDC through the tunnel, then the TGS exchange.")
    public @interface Config {
        @AttributeDefinition(name = "Tickets held", description = "At most this many tickets are kept,"
                + " ticket-granting tickets included; a new one replaces those that ended, then the one ending first.")
        int maxTickets() default 64;

        @AttributeDefinition(name = "Request timeout (seconds)", description = "Time the KDC has to accept the"
                + " connection and answer one request.")
        int requestTimeoutSeconds() default 10;

        @AttributeDefinition(name = "End margin (seconds)", description = "A ticket is no longer used this long"
                + " before it ends, so that it does not end on the way to the service; a new one is asked for.")
        int endMarginSeconds() default 300;

        @AttributeDefinition(name = "Key agreement", description = "The Diffie-Hellman group offered to the KDC"
                + " (RFC 4556, RFC 5349). Homeward's KDC takes both; P-256 is quicker and the request shorter,"
                + " MODP-2048 is for KDCs that speak only finite-field DH (MIT before 1.22).",
                options = {@Option(label = "ECDH P-256", value = "P-256"),
                        @Option(label = "MODP group 14 (2048 bits)", value = "MODP-2048")})
        String keyAgreement() default "P-256";

        @AttributeDefinition(name = "KDC port", description = "The TCP port of the other hosts' KDCs.")
        int kdcPort() default 88;
    }

    private final ExecutorScheduler scheduler;
    private final ServiceTicketClient client;
    private final Duration requestTimeout;
    private final AtomicReference<Credentials> credentials = new AtomicReference<>();

    @Activate
    public ServiceTicketsComponent(@Reference(service = LoggerFactory.class) Logger log,
            @Reference PeerDirectory peers, @Reference RevokedCertificates revoked, Config config) {
        this.requestTimeout = Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds()));
        this.scheduler = new ExecutorScheduler("homeward-kerberos-client", log);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        KerberosCipher cipher = new KerberosCipher(random);
        KdcTransport transport = new TcpKdcTransport(new PeerKdcAddresses(peers, () -> Optional.ofNullable(
                credentials.get()).map(Credentials::zone)), config.kdcPort(), requestTimeout);
        this.client = new ServiceTicketClient(
                new AsExchange(transport, cipher, revoked::isRevoked, group(config.keyAgreement(), log), clock,
                        random),
                new TgsExchange(transport, cipher, clock, random), new NegotiateTokens(cipher, clock, random),
                new TicketCache(Math.max(1, config.maxTickets()),
                        Duration.ofSeconds(Math.max(0, config.endMarginSeconds())), clock),
                scheduler, () -> Optional.ofNullable(credentials.get()).flatMap(ClientIdentity::of), log);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        credentials.set(signedIn);
    }

    void unbindCredentials(Credentials signedOut) {
        if (credentials.compareAndSet(signedOut, null)) {
            client.forgetAll();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        client.close();
        if (!scheduler.shutdown(STOP_WAIT)) {
            scheduler.stopNow();
        }
    }

    @Override
    public Promise<HeldTicket> ticket(String service, String host) {
        return client.ticket(service, host);
    }

    @Override
    public Promise<byte[]> negotiateToken(String service, String host) {
        return client.negotiateToken(service, host);
    }

    @Override
    public List<HeldTicket> tickets() {
        return client.tickets();
    }

    /** A ticket and how it was had, for {@code homeward:tickets get}. */
    Promise<ServiceTicketClient.Obtained> obtain(String service, String host) {
        return client.obtain(service, host);
    }

    /** How long {@code homeward:tickets get} waits: an AS and a TGS exchange, each within the request timeout. */
    Duration longestWait() {
        return requestTimeout.multipliedBy(3);
    }

    static KeyAgreementGroup group(String name, Logger log) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "MODP-2048" -> KeyAgreementGroup.MODP_2048;
            case "P-256" -> KeyAgreementGroup.P_256;
            default -> {
                log.warn("Kerberos client: key agreement '{}' is neither P-256 nor MODP-2048; using P-256", name);
                yield KeyAgreementGroup.P_256;
            }
        };
    }
}
