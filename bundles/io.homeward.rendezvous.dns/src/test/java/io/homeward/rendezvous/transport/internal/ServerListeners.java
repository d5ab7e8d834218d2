package io.homeward.rendezvous.transport.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import io.homeward.rendezvous.dns.internal.ServerFixture;

/** The real UDP, TCP and TLS listeners on free loopback ports with a fixture's server behind them. */
final class ServerListeners {
    private ServerListeners() {
    }

    /** Streams get the shipped 256 KiB output queue and a 30 s idle timeout. */
    static ListenerSet start(ServerFixture f, Path tlsDir) throws Exception {
        SecureRandom random = new SecureRandom();
        TlsIdentity identity = TlsIdentityStore.selfSigned(tlsDir, "ns.members.example", Clock.systemUTC(), random,
                f.log.logger());
        return new ListenerSet(new ListenerSettings(InetAddress.getLoopbackAddress(), 0, 0,
                new StreamSettings(16, 64, 30_000, 262_144, 16), 2, 64), f.server.requests(), identity,
                f.server.watches()::closed, Clock.systemUTC(), random, f.log.logger());
    }
}
