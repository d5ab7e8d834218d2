package io.homeward.kerberos.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.SplittableRandom;

import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.homeward.api.kerberos.Negotiated;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.testkit.RecordingLogger;

/**
 * The JDK's own GSS-API initiator (JGSS, an independent implementation of RFC 4121 and RFC 4178) holding a ticket
 * our way sealed: its SPNEGO token is accepted, and it accepts our AP-REP, completing mutual authentication.
 */
class JdkInitiatorTest {
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void theJdksInitiatorAndOurAcceptorAuthenticateEachOther(EncryptionType type) throws Exception {
        Instant now = Instant.now();
        TestClient client = new TestClient(type);
        client.authTime = now.minus(Duration.ofHours(1));
        client.endTime = now.plus(Duration.ofHours(9));
        KerberosServiceAcceptor acceptor = new KerberosServiceAcceptor(TestClient.REALM, TestClient.SERVICE,
                client.keys(), new ReplayCache(Clock.systemUTC(), ReplayCache.DEFAULT_SKEW, 100,
                        new RecordingLogger().logger()), Clock.systemUTC(), Duration.ofSeconds(300),
                ClientUsers.ofRealm(TestClient.REALM), new SplittableRandom(5), () -> { });

        KerberosPrincipal alice = new KerberosPrincipal("alice@" + TestClient.REALM);
        Subject subject = new Subject();
        subject.getPrincipals().add(alice);
        Ticket tgt = new Ticket(TestClient.REALM, PrincipalName.ticketGrantingService(TestClient.REALM),
                client.ticket().encPart());
        subject.getPrivateCredentials().add(ticket(client, tgt, alice,
                new KerberosPrincipal("krbtgt/" + TestClient.REALM + "@" + TestClient.REALM)));
        subject.getPrivateCredentials().add(ticket(client, client.ticket(), alice,
                new KerberosPrincipal(String.join("/", TestClient.SERVICE) + "@" + TestClient.REALM)));

        Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName server = manager.createName(String.join("/", TestClient.SERVICE) + "@" + TestClient.REALM,
                    KRB5_PRINCIPAL_NAME);
            GSSContext context = manager.createContext(server, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            byte[] token = context.initSecContext(new byte[0], 0, 0);
            Negotiated negotiated = acceptor.acceptNegotiate(token);
            assertEquals("alice", negotiated.client().user());
            byte[] last = context.initSecContext(negotiated.responseToken(), 0, negotiated.responseToken().length);
            assertTrue(context.isEstablished());
            assertTrue(context.getMutualAuthState());
            assertTrue(last == null || last.length == 0);
            context.dispose();
            return null;
        });
    }

    private static KerberosTicket ticket(TestClient client, Ticket ticket, KerberosPrincipal alice,
            KerberosPrincipal server) {
        boolean[] flags = new boolean[32];
        flags[1] = true;
        return new KerberosTicket(ticket.encode(), alice, server, client.sessionKey.value(),
                client.sessionKey.type().number(), flags, Date.from(client.authTime), Date.from(client.authTime),
                Date.from(client.endTime), null, null);
    }

    private static Oid oid(String text) {
        try {
            return new Oid(text);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
