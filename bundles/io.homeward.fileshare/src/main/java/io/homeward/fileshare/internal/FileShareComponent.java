package io.homeward.fileshare.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.kerberos.KdcListener;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.files.PrivateDirectories;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;

/**
 * An example service on the user's single sign-on: a read-only file share over HTTP on this host's ULA (reachable
 * through the tunnel only) that requires HTTP Negotiate (RFC 4559). It serves while this host's KDC answers: when its
 * {@link KdcListener} hears the realm, it registers the service {@code HTTP} (a renamed host's new principal when the
 * realm is new) and opens the server; when the KDC stops, it closes the server and the acceptor. The host identity
 * is a static reference, so a new ULA restarts the component on it; while the address is not yet on an interface,
 * binding is retried. docs/kerberos.md, "Services".
 */
@Component(service = FileShareComponent.class, configurationPid = FileShareComponent.PID)
@Designate(ocd = FileShareComponent.Config.class)
public class FileShareComponent {
    static final String PID = "io.homeward.fileshare";
    /** The Kerberos service name, by RFC 4559 §4 the one HTTP clients ask a ticket for. */
    static final String SERVICE = "HTTP";
    static final Duration BIND_RETRY = Duration.ofSeconds(10);
    static final String WAITING = "waiting for this host's KDC to answer";

    @ObjectClassDefinition(name = "Homeward file share",
            description = "A read-only file share over HTTP on this host's ULA, for the user's other hosts, with "
                    + "Kerberos single sign-on (HTTP Negotiate).")
    public @interface Config {
        @AttributeDefinition(required = false, description = "Directory to share (read-only). Empty: share/ in the "
                + "runtime's data directory, created owner-only when missing.")
        String directory() default "";

        @AttributeDefinition(description = "TCP port on this host's ULA (1 to 65535).")
        int port() default 8080;

        @AttributeDefinition(description = "Connections served at once (clamped to 1 to 256); a connection beyond "
                + "them is closed at once.")
        int maxConnections() default 16;

        @AttributeDefinition(description = "Seconds a client has to send its request head, and at most between two "
                + "reads (clamped to 1 to 300).")
        int timeoutSeconds() default 10;
    }

    private final Logger log;
    private final KerberosServices kerberos;
    private final KdcListener listener;
    private final Scheduler scheduler;
    private final Runnable stopScheduler;
    private final InetSocketAddress address;
    private final SharedFiles files;
    private final ShareCounters counters = new ShareCounters();
    private final Clock clock;
    private final int maxConnections;
    private final Duration timeout;
    private volatile ServiceAcceptor acceptor;
    private volatile ShareServer server;
    private volatile String state = WAITING;
    private boolean stopped;
    private Scheduler.Scheduled retry;

    @Activate
    public FileShareComponent(@Reference(service = LoggerFactory.class) Logger log,
            @Reference KerberosServices kerberos, @Reference HostIdentity identity, BundleContext context,
            Config config) throws IOException {
        this(log, kerberos, new InetSocketAddress(identity.ula(), checkedPort(config)),
                directory(context, config, log), config, Clock.systemUTC(),
                new ExecutorScheduler("homeward-fileshare-bind", log));
    }

    private FileShareComponent(Logger log, KerberosServices kerberos, InetSocketAddress address, Path directory,
            Config config, Clock clock, ExecutorScheduler scheduler) {
        this(log, kerberos, address, directory, config, clock, scheduler, scheduler::stopNow);
    }

    /** {@code address}'s port 0 (any free port) is for tests; the configured port is checked by the DS constructor. */
    FileShareComponent(Logger log, KerberosServices kerberos, InetSocketAddress address, Path directory,
            Config config, Clock clock, Scheduler scheduler, Runnable stopScheduler) {
        this.log = log;
        this.kerberos = kerberos;
        this.scheduler = scheduler;
        this.stopScheduler = stopScheduler;
        this.address = address;
        this.clock = clock;
        this.maxConnections = Math.max(1, Math.min(256, config.maxConnections()));
        this.timeout = Duration.ofSeconds(Math.max(1, Math.min(300, config.timeoutSeconds())));
        this.files = new SharedFiles(directory);
        this.listener = realm -> scheduler.execute(() -> follow(realm));
        kerberos.addKdcListener(listener);
    }

    static int checkedPort(Config config) {
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException("Configuration " + PID + ": port " + config.port()
                    + " is not 1 to 65535");
        }
        return config.port();
    }

    private static Path directory(BundleContext context, Config config, Logger log) throws IOException {
        return config.directory().isBlank() ? PrivateDirectories.create(DataDirectory.resolve(context, "share", log))
                : Path.of(config.directory().strip());
    }

    /** On the scheduler: serves with the principal of the realm the KDC answers for, or not at all (empty). */
    private synchronized void follow(Optional<String> realm) {
        if (stopped) {
            return;
        }
        stopServing();
        if (realm.isEmpty()) {
            state = WAITING;
            return;
        }
        try {
            acceptor = kerberos.register(SERVICE);
        } catch (IllegalArgumentException | IllegalStateException e) {
            state = "cannot register " + SERVICE + " with the KDC of " + realm.get() + ": " + e.getMessage();
            log.error("The file share does not serve: {}", state);
            return;
        }
        bind();
    }

    private synchronized void bind() {
        retry = null;
        ServiceAcceptor serving = acceptor;
        if (stopped || serving == null) {
            return;
        }
        try {
            server = ShareServer.open(address, new ShareHandler(new NegotiateGate(serving), files, counters, clock,
                    timeout, log), maxConnections, timeout, log);
            state = "serving";
            log.info("Sharing {} read-only at http://[{}]:{}/ for {}", files.root(), address.getAddress()
                    .getHostAddress(), server.address().getPort(), serving.principal());
        } catch (IOException e) {
            state = "cannot bind: " + e.getMessage();
            log.warn("The file share cannot bind {}: {}; retrying every {} s", address, e.getMessage(),
                    BIND_RETRY.toSeconds());
            retry = scheduler.schedule(this::bind, BIND_RETRY);
        }
    }

    /** Closes the server, stops binding and closes the acceptor. */
    private synchronized void stopServing() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (acceptor != null) {
            acceptor.close();
            acceptor = null;
        }
    }

    @Deactivate
    void deactivate() {
        kerberos.removeKdcListener(listener);
        synchronized (this) {
            stopped = true;
            stopServing();
        }
        stopScheduler.run();
    }

    /** Where the share listens, once bound. */
    Optional<InetSocketAddress> listening() {
        ShareServer s = server;
        return s == null ? Optional.empty() : Optional.of(s.address());
    }

    /** What {@code homeward:share} shows. */
    String report() {
        return "directory:  " + files.root() + "\n"
                + "address:    http://[" + address.getAddress().getHostAddress() + "]:" + address.getPort() + "/ ("
                + state + ")\n"
                + "principal:  " + Optional.ofNullable(acceptor).map(ServiceAcceptor::principal).orElse("none") + "\n"
                + "served:     " + counters.servedCount() + "\n"
                + "refused:    " + counters.refusedCount() + " (Kerberos), " + counters.challengedCount()
                + " without credentials, " + counters.malformedCount() + " malformed\n";
    }
}
