package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.NewInvite;
import io.homeward.api.enroll.UserMachines;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.RendezvousTls;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * Enrollment over EST on HTTPS (docs/enrollment.md): machines join a user's account with an invite code or the
 * user's key and get a host certificate and a host key; enrolled hosts renew their certificate and fetch their key.
 * Invites are kept in {@code <data>/enroll/}. The console reads and changes the users' machines through
 * {@link Enrollment}.
 */
@Component(service = {EnrollmentServerComponent.class, Enrollment.class}, immediate = true,
        configurationPid = EnrollmentServerComponent.PID)
@Designate(ocd = EnrollmentServerComponent.Config.class)
public class EnrollmentServerComponent implements Enrollment {
    static final String PID = "io.homeward.rendezvous.enroll";
    static final String STUN_PID = "io.homeward.rendezvous.stun";
    static final int STUN_DEFAULT_PORT = 3478;
    private static final int MAX_ADVERTISED = 4;

    @ObjectClassDefinition(name = "Homeward enrollment server",
            description = "EST (RFC 7030) over HTTPS with the rendezvous' TLS certificate: where new machines enroll"
                    + " with an invite code, and what the invite codes tell them.")
    public @interface Config {
        @AttributeDefinition(name = "Bind address",
                description = "Local address to listen on. 127.0.0.1 serves this machine only; set 0.0.0.0 (or ::)"
                        + " so other machines can enroll.")
        String bindAddress() default "127.0.0.1";

        @AttributeDefinition(name = "Port", description = "TCP port for HTTPS; advertised in invites and as SRV"
                + " _est._tcp in the users' zones.")
        int port() default 8443;

        @AttributeDefinition(name = "Advertised addresses",
                description = "Up to four IPv4 or IPv6 addresses invite codes name for the rendezvous: the ones"
                        + " machines on the Internet reach it at. Empty: the DNS listeners' bind address (which must"
                        + " then be neither a wildcard nor, for other machines, loopback).")
        String[] advertisedAddresses() default {};

        @AttributeDefinition(name = "Advertised DNS port",
                description = "Plain DNS port invite codes name; 0 for the port the DNS listener is bound to.")
        int advertisedDnsPort() default 0;

        @AttributeDefinition(name = "Advertised DNS-over-TLS port",
                description = "DNS-over-TLS port invite codes name; 0 for the port the TLS listener is bound to.")
        int advertisedTlsPort() default 0;

        @AttributeDefinition(name = "Advertised STUN port",
                description = "STUN port invite codes name; 0 for the port configured for " + STUN_PID + ".")
        int advertisedStunPort() default 0;

        @AttributeDefinition(name = "Connections", description = "Connections served or waiting at once; more are"
                + " closed on arrival.")
        int maxConnections() default 64;

        @AttributeDefinition(name = "Worker threads", description = "Threads serving connections.")
        int workerThreads() default 4;

        @AttributeDefinition(name = "Request deadline (seconds)",
                description = "Seconds from a connection's opening to its whole request (TLS handshake included);"
                        + " a slower client is disconnected however steadily it sends.")
        int requestDeadlineSeconds() default 10;
    }

    private final ExecutorScheduler timers;
    private final EnrollmentServer server;
    private final EnrollmentOffer offer;

    @Activate
    public EnrollmentServerComponent(@Reference CertificateAuthority ca, @Reference AccountService accounts,
            @Reference RendezvousTls tls, @Reference DnsListenerStatus dns, @Reference ConfigurationAdmin configurations,
            @Reference(service = LoggerFactory.class) Logger log, BundleContext context, Config config)
            throws IOException, GeneralSecurityException {
        EnrollmentSettings settings;
        try {
            settings = settings(config);
        } catch (IllegalArgumentException | UnknownHostException e) {
            log.error("enrollment server not started: {}", e.getMessage());
            throw e;
        }
        this.timers = new ExecutorScheduler("homeward-est-timers", log);
        try {
            this.server = new EnrollmentServer(settings, ca, accounts, tls, dns, () -> stunPort(configurations, log),
                    DataDirectory.resolve(context, "enroll", log), Clock.systemUTC(), new SecureRandom(), timers, log);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.error("enrollment server not started: {}", e.getMessage());
            timers.stopNow();
            throw e;
        }
        log.info("enrollment (EST over HTTPS) on {} port {}, TLS certificate SHA-256 {}", config.bindAddress(),
                server.port(), tls.fingerprint());
        server.coordinates().warning().ifPresent(w -> log.warn("{}", w));
        this.offer = new EnrollmentOffer(server.machines(),
                new InvitePreflights(server.coordinates(), LocalAddresses::current));
    }

    /** Invites, revocation and the list of machines, for the commands. */
    Machines machines() {
        return server.machines();
    }

    @Override
    public List<UserMachines> users() {
        return offer.users();
    }

    @Override
    public NewInvite invite(Optional<String> user, Optional<String> host, Duration validity)
            throws EnrollmentException {
        return offer.invite(user, host, validity);
    }

    @Override
    public boolean cancelInvite(String id) throws EnrollmentException {
        return offer.cancelInvite(id);
    }

    @Override
    public String revoke(String host) throws EnrollmentException {
        return offer.revoke(host);
    }

    @Override
    public InvitePreflight preflight() {
        return offer.preflight();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        server.close();
        if (!timers.shutdown(Duration.ofSeconds(2))) {
            timers.stopNow();
        }
    }

    static EnrollmentSettings settings(Config config) throws UnknownHostException {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(config.bindAddress().trim());
        } catch (UnknownHostException e) {
            throw new UnknownHostException("bindAddress '" + config.bindAddress() + "' is not a local address");
        }
        List<InetAddress> advertised = new ArrayList<>();
        for (String text : config.advertisedAddresses()) {
            advertised.add(literal(text));
        }
        if (advertised.size() > MAX_ADVERTISED) {
            throw new IllegalArgumentException("advertisedAddresses may name at most " + MAX_ADVERTISED + " addresses");
        }
        HttpLimits limits = new HttpLimits(HttpLimits.MAX_HEAD, HttpLimits.MAX_BODY,
                Duration.ofSeconds(positive("requestDeadlineSeconds", config.requestDeadlineSeconds())),
                positive("maxConnections", config.maxConnections()), positive("workerThreads", config.workerThreads()));
        return new EnrollmentSettings(new InetSocketAddress(bind, port("port", config.port())), limits, advertised,
                port("advertisedDnsPort", config.advertisedDnsPort()), port("advertisedTlsPort", config.advertisedTlsPort()),
                port("advertisedStunPort", config.advertisedStunPort()));
    }

    /** An address as written, never looked up in the DNS. */
    private static InetAddress literal(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9a-fA-F:.]+") || !(trimmed.contains(".") || trimmed.contains(":"))) {
            throw new IllegalArgumentException("advertisedAddresses: '" + text + "' is not an IPv4 or IPv6 address");
        }
        try {
            InetAddress address = InetAddress.getByName(trimmed);
            if (address.isAnyLocalAddress()) {
                throw new IllegalArgumentException("advertisedAddresses: " + text + " is a wildcard; name the address"
                        + " machines reach the rendezvous at");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("advertisedAddresses: '" + text + "' is not an IPv4 or IPv6 address");
        }
    }

    /** The STUN server's configured port: its bundle publishes no service saying which port it is bound to. */
    static int stunPort(ConfigurationAdmin configurations, Logger log) {
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + STUN_PID + ")");
            Dictionary<String, Object> properties = found == null ? null : found[0].getProperties();
            Object port = properties == null ? null : properties.get("port");
            return port == null ? STUN_DEFAULT_PORT : Integer.parseInt(port.toString().trim());
        } catch (IOException | InvalidSyntaxException | NumberFormatException e) {
            log.warn("cannot read the STUN port from {} ({}); invites name {}", STUN_PID, e.getMessage(),
                    STUN_DEFAULT_PORT);
            return STUN_DEFAULT_PORT;
        }
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static int port(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number (0 to 65535), not " + value);
        }
        return value;
    }
}
