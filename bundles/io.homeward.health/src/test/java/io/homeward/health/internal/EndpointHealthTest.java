package io.homeward.health.internal;

import static io.homeward.health.internal.HealthResults.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;

class EndpointHealthTest {

    @Test
    void noEndpointServiceIsCritical() {
        assertEquals(Result.Status.CRITICAL, EndpointHealth.evaluate(false, Optional.empty()).getStatus());
    }

    @Test
    void noEndpointIsCriticalAndSaysWhatToEnable() {
        Result result = EndpointHealth.evaluate(true, Optional.empty());
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).get(0).contains("Enable UPnP IGD or NAT-PMP/PCP"), messages(result)::toString);
    }

    @ParameterizedTest(name = "{0} learned as {1} is {2}")
    @CsvSource({
        "127.0.0.1, LOCAL, CRITICAL, which only this machine can reach",
        "127.0.0.1, CONFIGURED, CRITICAL, which only this machine can reach",
        "0.0.0.0, LOCAL, CRITICAL, which only this machine can reach",
        "192.168.1.20, LOCAL, WARN, Reachable only from this LAN",
        "10.0.0.3, LOCAL, WARN, Reachable only from this LAN",
        "100.64.1.2, LOCAL, WARN, Reachable only from this LAN",
        "172.16.0.9, CONFIGURED, WARN, is private",
        "198.51.100.7, MAPPING, OK, Reachable from the Internet at 198.51.100.7:4500 (port mapping on the gateway)",
        "198.51.100.7, STUN, OK, as a STUN server saw it",
        "198.51.100.7, LOCAL, OK, this host's own address",
        "10.0.0.3, MAPPING, OK, Reachable at 10.0.0.3:4500 (port mapping on the gateway)"})
    void theVerdictFollowsTheAddressAndHowItWasLearned(String address, EndpointSource source, Result.Status status,
            String says) {
        Result result = EndpointHealth.evaluate(true,
                Optional.of(new PublicEndpoint(new InetSocketAddress(address, 4500), source)));
        assertEquals(status, result.getStatus(), messages(result)::toString);
        assertTrue(messages(result).get(0).contains(says), messages(result)::toString);
    }
}
