package io.homeward.kerberos.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class ServiceAcceptorsComponentTest {
    private static final List<String> HTTP = List.of("HTTP", "home.alice.members.example");

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(TestClient.NOW);
    private final ServiceAcceptorsComponent acceptors = new ServiceAcceptorsComponent(clock, new SplittableRandom(5),
            new RecordingLogger().logger());

    private PrincipalKeyStore store() throws Exception {
        PrincipalKeyStore store = PrincipalKeyStore.open(directory, TestClient.REALM, new SecureRandom(), clock);
        store.register(HTTP);
        return store;
    }

    @Test
    void anAcceptorForTheRegisteredServiceOfTheStoresRealm() throws Exception {
        ServiceAcceptor acceptor = acceptors.acceptor(store(), HTTP);
        assertEquals("HTTP/home.alice.members.example@" + TestClient.REALM, acceptor.principal());
        assertEquals(60, assertThrows(AuthenticationRefusedException.class,
                () -> acceptor.acceptNegotiate(new byte[] {0x60, 0x01})).errorCode());
    }

    @Test
    void closedAcceptorsAreForgottenAndDeactivationClosesTheOthers() throws Exception {
        PrincipalKeyStore store = store();
        ServiceAcceptor first = acceptors.acceptor(store, HTTP);
        ServiceAcceptor second = acceptors.acceptor(store, HTTP);
        assertEquals(2, acceptors.openAcceptors());
        first.close();
        first.close();
        assertEquals(1, acceptors.openAcceptors());

        acceptors.deactivate();
        assertEquals(0, acceptors.openAcceptors());
        assertEquals(29, assertThrows(AuthenticationRefusedException.class, () -> second.accept(new byte[0]))
                .errorCode());
    }
}
