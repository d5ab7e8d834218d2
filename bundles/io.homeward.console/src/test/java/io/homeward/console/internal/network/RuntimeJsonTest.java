package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.homeward.kit.json.Json;
import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRuntimeStatus;

class RuntimeJsonTest {

    @Test
    void carriesTheSameFactsAsThePage() {
        assertEquals("{\"feature\":\"all-in-one\","
                + "\"identity\":{\"hostName\":\"alice-mbp\",\"eui64\":\"02-1B-63-FF-FE-84-5A-0C\",\"eui64Source\":\"eth0\","
                + "\"ula\":\"fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c\",\"autoTunnelLabel\":\"AutoTunnel-02-1B-63-FF-FE-84-5A-0C\"},"
                + "\"capabilities\":["
                + "{\"contract\":\"io.homeward.api.crypto.CryptoSuite\",\"label\":\"crypto suite\",\"providers\":["
                + "{\"name\":\"aes-gcm-16\",\"bundle\":\"io.homeward.crypto.aesgcm\",\"serviceId\":41,\"ranking\":200,\"active\":true},"
                + "{\"name\":\"chacha20-poly1305\",\"bundle\":\"io.homeward.crypto.chacha20\",\"serviceId\":42,\"ranking\":100,\"active\":false}]},"
                + "{\"contract\":\"io.homeward.api.portmap.PortMapper\",\"label\":\"port mapping\",\"providers\":[]}],"
                + "\"subscriptions\":["
                + "{\"name\":\"laptop.alice.members.example.\",\"type\":\"AAAA\",\"mechanism\":\"llq-udp\","
                + "\"leaseExpiry\":\"2026-11-21T12:00:00Z\",\"lastEvent\":\"2026-11-21T10:00:05Z\"},"
                + "{\"name\":\"\\u003cdesk>.alice.members.example.\",\"type\":\"SRV\",\"mechanism\":\"poll\","
                + "\"leaseExpiry\":null,\"lastEvent\":null}],"
                + "\"missing\":[]}",
                RuntimeJson.render(RuntimeFacts.read(TestRuntimeStatus.example(),
                        TestHostIdentity.example("eth0", "alice-mbp"), Fixtures.watcher())));
    }

    @Test
    void missingServicesAreNullWithAReason() {
        assertEquals("{\"feature\":null,\"identity\":null,\"capabilities\":[],\"subscriptions\":null,\"missing\":["
                + Json.quote(RuntimeFacts.NO_RUNTIME) + "," + Json.quote(RuntimeFacts.NO_IDENTITY) + "]}",
                RuntimeJson.render(RuntimeFacts.read(null, null, null)));
    }
}
