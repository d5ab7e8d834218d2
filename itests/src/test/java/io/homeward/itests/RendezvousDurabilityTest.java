package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** An acknowledged update survives the server being killed with SIGKILL in the middle of a stream of updates. */
class RendezvousDurabilityTest {

    @Test
    void everyAcknowledgedUpdateIsThereAfterKillNineAndRestart(@TempDir Path dir) throws Exception {
        try (RendezvousServer server = RendezvousServer.start(dir, 1800)) {
            List<Name> acknowledged = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> streamUpdates(server, acknowledged, stop), "update-stream");
            writer.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (acknowledged.size() < 50 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            server.kill9();
            stop.set(true);
            writer.join(30_000);
            assertTrue(acknowledged.size() >= 50, "updates were acknowledged before the kill: " + acknowledged.size());

            server.restart();
            SimpleResolver resolver = server.resolver();
            List<Name> missing = new ArrayList<>();
            for (Name name : acknowledged) {
                Message answer = resolver.send(Message.newQuery(Record.newRecord(name, Type.AAAA, DClass.IN)));
                if (answer.getRcode() != Rcode.NOERROR || answer.getSection(1).isEmpty()) {
                    missing.add(name);
                }
            }
            assertEquals(List.of(), missing, "acknowledged before the kill but gone after the restart");
        }
    }

    /** Sends numbered updates one after another until the server stops answering; records the acknowledged ones. */
    private static void streamUpdates(RendezvousServer server, List<Name> acknowledged, AtomicBoolean stop) {
        try {
            SimpleResolver resolver = server.resolver();
            resolver.setTCP(true);
            resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, Name.fromString(RendezvousServer.zone("alice")),
                    new SecretKeySpec(RendezvousServer.key("alice").secret(), "HmacSHA256"), Clock.systemUTC()));
            for (int i = 0; i < 100_000 && !stop.get(); i++) {
                Name name = Name.fromString("host" + i + ".alice.members.example.");
                Update update = new Update(Name.fromString("alice.members.example."));
                update.add(new AAAARecord(name, DClass.IN, 120, InetAddress.getByName("fd00::" + Integer.toHexString(i + 1))));
                Message response = resolver.send(update);
                if (response.getRcode() == Rcode.NOERROR) {
                    acknowledged.add(name);
                }
            }
        } catch (Exception e) {
            // The server was killed mid-request: that update was never acknowledged.
        }
    }
}
