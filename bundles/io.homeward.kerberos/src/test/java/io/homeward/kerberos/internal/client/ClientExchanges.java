package io.homeward.kerberos.internal.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.net.KdcRequest;
import io.homeward.kerberos.internal.net.KdcRequestHandler;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;

/**
 * This bundle's client exchanges ({@link AsExchange} with PKINIT, then {@link TgsExchange}) for tests and benchmarks
 * outside this package: a host of the user of {@link TestAccountCa#ZONE} asking the KDC of {@link TestKdc#HOST}, over
 * TCP on loopback or in memory, with its certificate of the account CA.
 * It keeps the last ticket-granting ticket, for the TGS exchanges that follow; a refusal or a failed check is an
 * {@link IOException} with the client's one-line reason. One instance per thread.
 */
public final class ClientExchanges {
    /** The realm the exchanges ask, that of {@link TestKdc#HOST}. */
    public static final String REALM = TestKdc.REALM;
    public static final String HOST = TestKdc.HOST;

    private final AsExchange as;
    private final TgsExchange tgs;
    private final ClientIdentity identity;
    private ClientTicket tgt;

    private ClientExchanges(KdcTransport transport, X509Certificate accountCa, TestAccountCa.Host host,
            KeyAgreementGroup group, Clock clock) {
        SecureRandom random = new SecureRandom();
        KerberosCipher cipher = new KerberosCipher(random);
        this.as = new AsExchange(transport, cipher, certificate -> false, group, clock, random);
        this.tgs = new TgsExchange(transport, cipher, clock, random);
        this.identity = new ClientIdentity(host.credential(), Set.of(new TrustAnchor(accountCa, null)),
                TestAccountCa.ZONE);
    }

    /** To a KDC on 127.0.0.1 at {@code port}, one TCP connection per exchange (RFC 4120 §7.2.2). */
    public static ClientExchanges overTcp(int port, X509Certificate accountCa, TestAccountCa.Host host,
            KeyAgreementGroup group, Duration timeout) {
        return new ClientExchanges(new TcpKdcTransport(name -> InetAddress.getLoopbackAddress(), port, timeout),
                accountCa, host, group, Clock.systemUTC());
    }

    /** To a KDC's handler in this JVM, as TCP requests from {@code source}; each request also goes to {@code sent}. */
    public static ClientExchanges inMemory(KdcRequestHandler kdc, InetSocketAddress source, Consumer<byte[]> sent,
            X509Certificate accountCa, TestAccountCa.Host host, KeyAgreementGroup group, Clock clock) {
        KdcTransport transport = (name, request) -> {
            sent.accept(request.clone());
            try {
                return kdc.handle(new KdcRequest(request, source, KdcRequest.Transport.TCP));
            } catch (Exception e) {
                throw new IOException("the KDC's handler failed: " + e, e);
            }
        };
        return new ClientExchanges(transport, accountCa, host, group, clock);
    }

    /** An AS exchange with PKINIT: a new ticket-granting ticket, kept for {@link #tgsExchange}. */
    public void asExchange() throws IOException {
        try {
            tgt = as.ticketGrantingTicket(identity, HOST);
        } catch (TicketRequestException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A TGS exchange for {@code service/HOST} with the ticket-granting ticket of the last AS exchange. */
    public void tgsExchange(String service) throws IOException {
        if (tgt == null) {
            throw new IllegalStateException("no ticket-granting ticket yet: run an AS exchange first");
        }
        try {
            tgs.serviceTicket(tgt, service, HOST);
        } catch (TicketRequestException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
