package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Issue 4: the real rendezvous (launcher, feature "rendezvous") refuses long-lived queries and DNS Push
 * subscriptions that are not signed, or that ask for another user's zone with one's own key. Each refusal is
 * next to the same request done right, so a server that refused everything would fail too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchRefusalTest {
    private static final String ALICE_NAME = "laptop." + RendezvousServer.zone("alice");
    private static final String BOB_NAME = "laptop." + RendezvousServer.zone("bob");
    private static final int REFUSED = Rcode.REFUSED;

    @TempDir
    static Path dir;

    private RendezvousServer server;

    @BeforeAll
    void start() throws Exception {
        server = RendezvousServer.start(dir, 1800);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anUnsignedLlqSetupIsRefused() throws Exception {
        try (RawLlqClient unsigned = new RawLlqClient(server.address(), null, ALICE_NAME, Type.AAAA)) {
            assertEquals(REFUSED, unsigned.setup(7200).message().getRcode());
        }
        try (RawLlqClient signed = new RawLlqClient(server.address(), RendezvousServer.key("alice"), ALICE_NAME, Type.AAAA)) {
            RawLlqClient.Received challenge = signed.setup(7200);
            assertEquals(Rcode.NOERROR, challenge.message().getRcode());
            assertNotEquals(0, challenge.option().id(), "a challenge carries the new LLQ-ID");
        }
    }

    @Test
    void anLlqForBobsNameWithAlicesKeyIsRefused() throws Exception {
        try (RawLlqClient client = new RawLlqClient(server.address(), RendezvousServer.key("alice"), BOB_NAME, Type.AAAA)) {
            assertEquals(REFUSED, client.setup(7200).message().getRcode());
        }
        try (RawLlqClient bob = new RawLlqClient(server.address(), RendezvousServer.key("bob"), BOB_NAME, Type.AAAA)) {
            RawLlqClient.Received ack = bob.establish(7200);
            assertEquals(0, ack.option().error(), "bob may watch his own name");
            assertNotEquals(0, ack.option().id());
        }
    }

    @Test
    void aPushSubscribeOnAnUnsignedSessionIsRefused() throws Exception {
        try (RawPushClient client = new RawPushClient(server.tlsPort)) {
            assertEquals(REFUSED, client.subscribe(1, ALICE_NAME, Type.AAAA));
            assertEquals(Rcode.NOERROR, client.bindWithSignedSoa(RendezvousServer.zone("alice"), RendezvousServer.key("alice")));
            assertEquals(Rcode.NOERROR, client.subscribe(2, ALICE_NAME, Type.AAAA), "the same SUBSCRIBE once signed in");
        }
    }

    @Test
    void aPushSubscribeForBobsNameWithAlicesKeyIsRefused() throws Exception {
        try (RawPushClient client = new RawPushClient(server.tlsPort)) {
            assertEquals(Rcode.NOERROR, client.bindWithSignedSoa(RendezvousServer.zone("alice"), RendezvousServer.key("alice")));
            assertEquals(REFUSED, client.subscribe(1, BOB_NAME, Type.AAAA));
            assertEquals(Rcode.NOERROR, client.subscribe(2, ALICE_NAME, Type.AAAA), "alice's own name on the same session");
        }
        try (RawPushClient client = new RawPushClient(server.tlsPort)) {
            // Alice's key over bob's zone SOA does not bind the session to bob's zone either.
            client.bindWithSignedSoa(RendezvousServer.zone("bob"), RendezvousServer.key("alice"));
            assertEquals(REFUSED, client.subscribe(1, BOB_NAME, Type.AAAA));
        }
    }
}
