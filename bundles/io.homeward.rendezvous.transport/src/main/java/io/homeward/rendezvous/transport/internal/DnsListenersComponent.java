package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.dns.DnsConnectionListener;
import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.RendezvousTls;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.text.DnsLabel;

/**
 * Serves the rendezvous DNS server over UDP, TCP (RFC 7766) and DNS over TLS (RFC 7858), handing
 * every message to the {@link DnsRequestHandler} service.
 */
@Component(service = {DnsListenersComponent.class, DnsListenerStatus.class, RendezvousTls.class}, immediate = true,
        configurationPid = DnsListenersComponent.PID)
@Designate(ocd = DnsListenersComponent.Config.class)
public class DnsListenersComponent implements DnsListenerStatus, RendezvousTls {
    static final String PID = "io.homeward.rendezvous.transport";
    private static final int ACCEPT_BACKLOG = 128;

    @ObjectClassDefinition(name = "Homeward rendezvous DNS listeners",
            description = "Where the rendezvous DNS server listens for UDP, TCP and DNS over TLS,"
                    + " and how much each client may use.")
    public @interface Config {
        @AttributeDefinition(name = "Bind address",
                description = "Local address to listen on. 127.0.0.1 serves this machine only;"
                        + " set 0.0.0.0 (or ::) so other hosts can reach the server.")
        String bindAddress() default "127.0.0.1";

        @AttributeDefinition(name = "UDP and TCP port",
                description = "Port for plain DNS over UDP and TCP. 53 is the standard port but needs privileges;"
                        + " point the SRV records of the user zones at whatever port you choose.")
        int port() default 8053;

        @AttributeDefinition(name = "DNS over TLS port",
                description = "TCP port for DNS over TLS (standard: 853). Agents find it through"
                        + " the _dns-update-tls._tcp and _dns-llq-tls._tcp SRV records.")
        int tlsPort() default 8853;

        @AttributeDefinition(name = "Connections per client",
                description = "Open TCP plus TLS connections allowed from one client address; further ones"
                        + " are closed at once. Raise it when many hosts share one NAT address.")
        int maxConnectionsPerClient() default 16;

        @AttributeDefinition(name = "Connections per network",
                description = "Open TCP plus TLS connections allowed from one IPv4 /24 or IPv6 /56 together;"
                        + " further ones are closed at once.")
        int maxConnectionsPerNetwork() default StreamSettings.DEFAULT_PER_NETWORK;

        @AttributeDefinition(name = "Connections in total",
                description = "Open TCP plus TLS connections allowed in total; further ones are closed at once.")
        int maxConnections() default 1024;

        @AttributeDefinition(name = "Unauthenticated share (%)",
                description = "Percentage of the connections in total that connections without a verified"
                        + " TSIG-signed message may hold; the rest is kept for signed-in agents. When it is used up,"
                        + " a new connection replaces the oldest unauthenticated one that has not sent a whole message.")
        int unauthenticatedConnectionsPercent() default StreamSettings.DEFAULT_UNAUTHENTICATED_PERCENT;

        @AttributeDefinition(name = "Message deadline (seconds)",
                description = "Seconds a DNS message may take to arrive from its first byte (the first one, with"
                        + " the TLS handshake, from the connection's opening); a slower connection is closed."
                        + " Quiet connections between messages are left to the idle timeout.")
        int messageDeadlineSeconds() default StreamSettings.DEFAULT_MESSAGE_DEADLINE_SECONDS;

        @AttributeDefinition(name = "Idle timeout (seconds)",
                description = "Seconds of silence after which a TCP or TLS connection is closed (RFC 7766 §6.2.3).")
        int idleTimeoutSeconds() default 30;

        @AttributeDefinition(name = "Unsent bytes per connection",
                description = "Bytes of unsent responses a connection may hold; a client that falls"
                        + " this far behind in reading is disconnected.")
        int maxQueuedBytesPerConnection() default 262144;

        @AttributeDefinition(name = "TLS certificate (PEM)",
                description = "PEM file with the TLS certificate chain, leaf first. Leave empty (with the key path)"
                        + " to use a self-signed certificate made on first start under <data>/tls/.")
        String tlsCertificatePath() default "";

        @AttributeDefinition(name = "TLS private key (PEM)",
                description = "PEM file with the unencrypted private key of the TLS certificate. Leave empty"
                        + " together with the certificate path for the self-signed certificate.")
        String tlsKeyPath() default "";

        @AttributeDefinition(name = "Server name",
                description = "Host name the self-signed certificate is made for: the name agents connect to."
                        + " After changing it, delete <data>/tls/ so a new certificate is made.")
        String serverName() default "ns.members.example";

        @AttributeDefinition(name = "Worker threads",
                description = "Threads that answer messages. More help only when answering waits on storage.")
        int workerThreads() default 4;

        @AttributeDefinition(name = "Waiting messages",
                description = "Messages that may wait for a free thread; beyond that new messages are"
                        + " dropped and counted (clients retry).")
        int maxPendingRequests() default 1024;
    }

    private final List<DnsConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Logger log;
    private final TlsIdentity identity;
    private final KeyManager[] keyManagers;
    private final ListenerSet listeners;

    @Activate
    public DnsListenersComponent(@Reference DnsRequestHandler handler,
            @Reference(service = LoggerFactory.class) Logger log, BundleContext context, Config config)
            throws IOException, GeneralSecurityException {
        this.log = log;
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        this.identity = identity(config, context, clock, random);
        try {
            this.keyManagers = identity.keyManagers();
            this.listeners = new ListenerSet(settings(config), handler, identity, this::connectionClosed, clock, random, log);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.error("DNS listeners not started: {}", e.getMessage());
            throw e;
        }
        ListenerStatus status = listeners.status();
        log.info("DNS listening on {} UDP/TCP port {}, DNS over TLS port {}; TLS certificate SHA-256 {}",
                config.bindAddress(), status.udpPort(), status.tlsPort(), status.tlsFingerprint());
    }

    /** Ports, connections, drops and the certificate fingerprint, for a console page. */
    public ListenerStatus status() {
        return listeners.status();
    }

    @Override
    public List<ListenerState> listeners() {
        return listeners.states();
    }

    @Override
    public String tlsFingerprint() {
        return listeners.status().tlsFingerprint();
    }

    /** The identity the DNS-over-TLS listeners present, for the other TLS services of the rendezvous. */
    @Override
    public KeyManager[] keyManagers() {
        return keyManagers.clone();
    }

    @Override
    public X509Certificate certificate() {
        return identity.leaf();
    }

    @Override
    public String fingerprint() {
        return identity.fingerprint();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnectionListener(DnsConnectionListener listener) {
        connectionListeners.add(listener);
    }

    void removeConnectionListener(DnsConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        listeners.close();
    }

    private void connectionClosed(DnsResponder connection) {
        for (DnsConnectionListener listener : connectionListeners) {
            try {
                listener.closed(connection);
            } catch (RuntimeException e) {
                log.error("DNS connection listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    private TlsIdentity identity(Config config, BundleContext context, Clock clock, SecureRandom random)
            throws IOException, GeneralSecurityException {
        boolean certificateSet = !config.tlsCertificatePath().isBlank();
        boolean keySet = !config.tlsKeyPath().isBlank();
        try {
            if (certificateSet != keySet) {
                throw new IOException("set both tlsCertificatePath and tlsKeyPath, or neither for a self-signed certificate");
            }
            if (certificateSet) {
                return TlsIdentityStore.configured(Path.of(config.tlsCertificatePath()), Path.of(config.tlsKeyPath()));
            }
            checkServerName(config.serverName());
            return TlsIdentityStore.selfSigned(DataDirectory.resolve(context, "tls", log), config.serverName(), clock, random, log);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.error("DNS listeners not started: {}", e.getMessage());
            throw e;
        }
    }

    private static void checkServerName(String name) {
        String relative = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : relative.split("\\.", -1)) {
            Optional<String> problem = DnsLabel.problem(label);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("serverName '" + name + "' is not a host name: " + problem.get());
            }
        }
    }

    static ListenerSettings settings(Config config) throws UnknownHostException {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new UnknownHostException("bindAddress '" + config.bindAddress() + "' is not a local address");
        }
        int total = positive("maxConnections", config.maxConnections());
        int percent = config.unauthenticatedConnectionsPercent();
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("unauthenticatedConnectionsPercent must be between 1 and 100, not " + percent);
        }
        StreamSettings stream = new StreamSettings(positive("maxConnectionsPerClient", config.maxConnectionsPerClient()),
                positive("maxConnectionsPerNetwork", config.maxConnectionsPerNetwork()), total,
                StreamSettings.share(total, percent), positive("idleTimeoutSeconds", config.idleTimeoutSeconds()) * 1000L,
                positive("messageDeadlineSeconds", config.messageDeadlineSeconds()) * 1000L,
                positive("maxQueuedBytesPerConnection", config.maxQueuedBytesPerConnection()), ACCEPT_BACKLOG);
        return new ListenerSettings(bind, config.port(), config.tlsPort(), stream,
                positive("workerThreads", config.workerThreads()), positive("maxPendingRequests", config.maxPendingRequests()));
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }
}
