package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.RendezvousTls;
import io.homeward.kit.log.CountedLog;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * The enrollment server put together: the invites in {@code directory}, the HTTPS listener presenting the rendezvous'
 * TLS identity and asking for (not requiring) a client certificate from the account CA, and the operations on
 * machines. Closing it stops the listener; the timers are the owner's.
 */
final class EnrollmentServer implements AutoCloseable {
    private static final Duration LOG_SUMMARY = Duration.ofMinutes(1);

    private final EstServer server;
    private final Machines machines;
    private final RendezvousCoordinates coordinates;
    private final RefusalLog refusals;
    private final Scheduler timers;
    private volatile Scheduled summary;
    private volatile boolean closed;

    EnrollmentServer(EnrollmentSettings settings, CertificateAuthority ca, AccountService accounts, RendezvousTls tls,
            DnsListenerStatus dns, IntSupplier stunPort, Path directory, Clock clock, SecureRandom random,
            Scheduler timers, Logger log) throws IOException, GeneralSecurityException {
        InviteBook invites = InviteBook.open(directory, clock, random);
        AuthFailures failures = new AuthFailures(clock);
        this.refusals = new RefusalLog(new CountedLog(log, clock, LOG_SUMMARY));
        this.timers = timers;
        Enroller enroller = new Enroller(ca, accounts, invites, failures, clock, log);
        EstRoutes routes = new EstRoutes(ca, accounts, enroller, new Renamer(ca, accounts, clock, log), failures,
                clock, refusals);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(tls.keyManagers(), new TrustManager[] {new AccountCaTrust(ca)}, random);
        this.server = new EstServer(settings.bind(), context, routes, settings.limits(), timers, refusals, log);
        this.coordinates = new RendezvousCoordinates(settings.advertised(), settings.dnsPort(), settings.tlsPort(),
                settings.stunPort(), dns, stunPort, new InetSocketAddress(server.address(), server.port()), tls);
        this.machines = new Machines(accounts, ca, invites, coordinates, clock, log);
        this.summary = timers.schedule(this::summarise, LOG_SUMMARY);
    }

    int port() {
        return server.port();
    }

    Machines machines() {
        return machines;
    }

    RendezvousCoordinates coordinates() {
        return coordinates;
    }

    @Override
    public void close() {
        closed = true;
        summary.cancel();
        server.close();
        refusals.flush();
    }

    private void summarise() {
        refusals.flush();
        if (!closed) {
            summary = timers.schedule(this::summarise, LOG_SUMMARY);
        }
    }
}
