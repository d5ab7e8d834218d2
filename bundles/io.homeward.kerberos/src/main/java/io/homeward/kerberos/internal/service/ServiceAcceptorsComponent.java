package io.homeward.kerberos.internal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.kerberos.internal.kdc.AcceptorFactory;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;

/**
 * The acceptors behind {@code KerberosServices.register}: one {@link KerberosServiceAcceptor} per registration, all
 * sharing one replay cache (authenticators are keyed by client and service, RFC 4120 §3.2.3) with the KDC's clock
 * skew of 300 s; the host's users are the clients of its realm with one name component. Deactivation closes the
 * acceptors still open. docs/kerberos.md, "Services".
 */
@Component(service = AcceptorFactory.class)
public class ServiceAcceptorsComponent implements AcceptorFactory {
    private final Clock clock;
    private final RandomGenerator random;
    private final ReplayCache replayCache;
    private final Set<KerberosServiceAcceptor> open = ConcurrentHashMap.newKeySet();

    @Activate
    public ServiceAcceptorsComponent(@Reference(service = LoggerFactory.class) Logger log) {
        this(Clock.systemUTC(), new SecureRandom(), log);
    }

    ServiceAcceptorsComponent(Clock clock, RandomGenerator random, Logger log) {
        this.clock = clock;
        this.random = random;
        this.replayCache = new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, ReplayCache.DEFAULT_CAPACITY, log);
    }

    @Override
    public ServiceAcceptor acceptor(PrincipalKeyStore store, List<String> name) {
        KerberosServiceAcceptor[] made = new KerberosServiceAcceptor[1];
        made[0] = new KerberosServiceAcceptor(store.realm(), name, ServiceKeys.of(store, name), replayCache, clock,
                ReplayCache.DEFAULT_SKEW, ClientUsers.ofRealm(store.realm()), random, () -> open.remove(made[0]));
        open.add(made[0]);
        return made[0];
    }

    /** The acceptors registered and not closed yet. */
    int openAcceptors() {
        return open.size();
    }

    @Deactivate
    void deactivate() {
        List.copyOf(open).forEach(KerberosServiceAcceptor::close);
    }
}
