package io.homeward.console.internal.rendezvous;

import static io.homeward.console.internal.rendezvous.RendezvousFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.kit.json.Json;
import io.homeward.testkit.RecordingLogger;

class RendezvousJsonTest {
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void carriesTheSameFactsAsThePage() {
        String alice = "alice.members.example.";
        assertEquals("{\"now\":\"2026-11-21T10:05:00Z\","
                + "\"listeners\":{\"tlsFingerprint\":\"" + RendezvousFixtures.FINGERPRINT + "\",\"listeners\":["
                + "{\"transport\":\"udp\",\"address\":\"127.0.0.1:8053\",\"openConnections\":0,\"dropped\":0,\"refused\":0},"
                + "{\"transport\":\"tcp\",\"address\":\"127.0.0.1:8053\",\"openConnections\":2,\"dropped\":0,\"refused\":1},"
                + "{\"transport\":\"tls\",\"address\":\"127.0.0.1:8853\",\"openConnections\":1,\"dropped\":5,\"refused\":0}]},"
                + "\"zones\":[{\"zone\":\"" + alice + "\",\"serial\":2026112107,\"recordCount\":3,\"records\":["
                + "{\"name\":\"_autotunnel._udp.laptop." + alice + "\",\"type\":\"SRV\",\"ttl\":60,"
                + "\"rdata\":\"0 0 4500 AutoTunnel-02-1B-63-FF-FE-84-5A-0C." + alice + "\","
                + "\"leaseExpires\":\"2026-11-21T10:02:00Z\",\"leaseRemaining\":\"expired 3 min ago\"},"
                + "{\"name\":\"laptop." + alice + "\",\"type\":\"AAAA\",\"ttl\":60,\"rdata\":\"fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c\","
                + "\"leaseExpires\":\"2026-11-21T11:17:30Z\",\"leaseRemaining\":\"in 1 h 12 min\"},"
                + "{\"name\":\"" + alice + "\",\"type\":\"TXT\",\"ttl\":3600,\"rdata\":\"\\\"hello\\\"\","
                + "\"leaseExpires\":null,\"leaseRemaining\":\"no lease\"}]},"
                + "{\"zone\":\"bob.members.example.\",\"serial\":1,\"recordCount\":0,\"records\":[]}],"
                + "\"users\":{\"domain\":\"members.example.\",\"users\":[{\"user\":\"alice\",\"zone\":\"" + alice + "\","
                + "\"created\":\"2026-11-01T08:00:00Z\",\"changed\":\"2026-11-20T09:30:00Z\"}]},"
                + "\"watches\":["
                + "{\"mechanism\":\"llq-udp\",\"client\":\"192.0.2.10:5353\",\"zone\":\"" + alice + "\","
                + "\"name\":\"laptop." + alice + "\",\"type\":\"AAAA\",\"leaseExpires\":\"2026-11-21T12:05:00Z\","
                + "\"leaseRemaining\":\"in 2 h\",\"lastEvent\":\"2026-11-21T10:04:15Z\",\"unacked\":1},"
                + "{\"mechanism\":\"dns-push\",\"client\":\"192.0.2.11:40001\",\"zone\":\"" + alice + "\","
                + "\"name\":\"_autotunnel._udp.laptop." + alice + "\",\"type\":\"SRV\",\"leaseExpires\":null,"
                + "\"leaseRemaining\":\"while its session lasts\",\"lastEvent\":null,\"unacked\":0}],"
                + "\"stun\":{\"state\":\"listening on UDP 0.0.0.0:3478\",\"answered\":7,\"ignored\":2},"
                + "\"unavailable\":{}}",
                RendezvousJson.render(RendezvousFixtures.facts(log)));
    }

    @Test
    void aSectionAloneIsItsValueOrWhyItIsMissing() {
        RendezvousFacts facts = RendezvousFixtures.facts(log);
        assertEquals("{\"state\":\"listening on UDP 0.0.0.0:3478\",\"answered\":7,\"ignored\":2}",
                RendezvousJson.section(facts, RendezvousSource.STUN));
        assertEquals("{\"domain\":\"members.example.\",\"users\":[{\"user\":\"alice\",\"zone\":\"alice.members.example.\","
                + "\"created\":\"2026-11-01T08:00:00Z\",\"changed\":\"2026-11-20T09:30:00Z\"}]}",
                RendezvousJson.section(facts, RendezvousSource.USERS));
        assertTrue(RendezvousJson.section(facts, RendezvousSource.ZONES).startsWith("[{\"zone\":\"alice.members.example.\""));
        assertEquals("{\"missing\":" + Json.quote(RendezvousSource.WATCHES.notRunning()) + "}", RendezvousJson.section(
                RendezvousFacts.read(NOW, null, null, null, null, null, log.logger()), RendezvousSource.WATCHES));
    }

    @Test
    void aServiceThatIsNotRunningIsNullWithTheReason() {
        assertEquals("{\"now\":\"2026-11-21T10:05:00Z\",\"listeners\":null,\"zones\":null,\"users\":null,\"watches\":null,"
                + "\"stun\":null,"
                + "\"unavailable\":{"
                + "\"listeners\":" + Json.quote(RendezvousSource.LISTENERS.notRunning()) + ","
                + "\"zones\":" + Json.quote(RendezvousSource.ZONES.notRunning()) + ","
                + "\"users\":" + Json.quote(RendezvousSource.USERS.notRunning()) + ","
                + "\"watches\":" + Json.quote(RendezvousSource.WATCHES.notRunning()) + ","
                + "\"stun\":" + Json.quote(RendezvousSource.STUN.notRunning()) + "}}",
                RendezvousJson.render(RendezvousFacts.read(NOW, null, null, null, null, null, log.logger())));
    }

    @Test
    void textFromTheZonesCannotBreakTheDocument() {
        ZoneSummary zone = new ZoneSummary("evil.members.example.", 1, 1);
        String json = RendezvousJson.render(RendezvousFacts.read(NOW, null,
                RendezvousFixtures.directory(Map.of(zone, List.of(new ZoneRecord("x.evil.members.example.", Type.TXT, 60,
                        "\"</script>\\\"\n", Optional.empty())))), null, null, null, log.logger()));
        assertTrue(json.contains("\"rdata\":\"\\\"\\u003c/script>\\\\\\\"\\n\""), json);
    }

    @Test
    void noTlsCertificateIsANullFingerprint() {
        String json = RendezvousJson.render(RendezvousFacts.read(NOW, RendezvousFixtures.listeners(List.of(), " "), null, null, null, null,
                log.logger()));
        assertTrue(json.contains("\"listeners\":{\"tlsFingerprint\":null,\"listeners\":[]}"), json);
    }

    @Test
    void theStunServerHasItsStateAndCounters() {
        String json = RendezvousJson.render(RendezvousFixtures.facts(log));
        assertTrue(json.contains(",\"stun\":{\"state\":\"listening on UDP 0.0.0.0:3478\",\"answered\":7,\"ignored\":2},"
                + "\"unavailable\":{}}"), json);
    }
}
