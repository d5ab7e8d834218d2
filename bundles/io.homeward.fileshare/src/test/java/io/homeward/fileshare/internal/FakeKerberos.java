package io.homeward.fileshare.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.homeward.api.kerberos.AuthenticatedClient;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.KdcListener;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.Negotiated;
import io.homeward.api.kerberos.ServiceAcceptor;

/**
 * This host's KDC as the share sees it, for the HTTP layer's tests: the token {@code good} is alice's, answered with
 * {@code mutual}; {@code replayed} is refused with KRB_AP_ERR_REPEAT (34); anything else with KRB_ERR_GENERIC (60).
 * It answers for {@link #REALM} until a test says otherwise ({@link #answer}), telling its listeners at once. The real
 * acceptor is tested in the kerberos bundle.
 */
final class FakeKerberos implements KerberosServices {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    static final AuthenticatedClient ALICE = new AuthenticatedClient("alice@" + REALM, "alice",
            Instant.parse("2026-12-06T08:00:00Z"), Instant.parse("2026-12-06T18:00:00Z"));

    final AtomicInteger registered = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    private final List<KdcListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<String> answering = Optional.of(REALM);

    /** The KDC answers for {@code realm} from now on, or (empty) stops answering. */
    void answer(Optional<String> realm) {
        answering = realm;
        listeners.forEach(listener -> listener.kdcChanged(realm));
    }

    @Override
    public String realm() {
        return answering.orElse(REALM);
    }

    @Override
    public ServiceAcceptor register(String service) {
        String realm = answering.orElseThrow(() -> new IllegalStateException("the KDC does not run"));
        registered.incrementAndGet();
        String principal = service + "/" + realm.toLowerCase(Locale.ROOT) + "@" + realm;
        return new ServiceAcceptor() {
            @Override
            public String principal() {
                return principal;
            }

            @Override
            public Negotiated acceptNegotiate(byte[] token) throws AuthenticationRefusedException {
                return new Negotiated(accept(token), "mutual".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public AuthenticatedClient accept(byte[] token) throws AuthenticationRefusedException {
                if (Arrays.equals(token, "good".getBytes(StandardCharsets.US_ASCII))) {
                    return ALICE;
                }
                if (Arrays.equals(token, "replayed".getBytes(StandardCharsets.US_ASCII))) {
                    throw new AuthenticationRefusedException(34, "a replayed authenticator of " + ALICE.principal());
                }
                throw new AuthenticationRefusedException(60, "not a SPNEGO token");
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    @Override
    public Optional<byte[]> exportKeytab(String service) {
        return Optional.empty();
    }

    @Override
    public KdcStatus status() {
        throw new UnsupportedOperationException("the share does not ask for the KDC's status");
    }

    @Override
    public List<String> services() {
        return List.of();
    }

    @Override
    public void addKdcListener(KdcListener listener) {
        listeners.add(listener);
        answering.ifPresent(realm -> listener.kdcChanged(Optional.of(realm)));
    }

    @Override
    public void removeKdcListener(KdcListener listener) {
        listeners.remove(listener);
    }
}
