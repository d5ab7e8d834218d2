package io.homeward.health.internal;

import static io.homeward.health.internal.HealthResults.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;

class TunnelHealthTest {
    private static final Instant SINCE = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void noKeyExchangeIsAWarning() {
        assertEquals(Result.Status.WARN, TunnelHealth.evaluate(false, List.of()).getStatus());
    }

    @Test
    void peersUpOrWithoutATunnelAreOk() throws Exception {
        Result result = TunnelHealth.evaluate(true, List.of(status("home", KeyingState.UP, ""),
                status("laptop", KeyingState.NONE, ""), status("work", KeyingState.KEYING, "")));
        assertEquals(Result.Status.OK, result.getStatus());
        assertEquals(List.of("1 of 3 peers with a tunnel up"), messages(result));
    }

    @Test
    void aFailedPeerIsAWarningNamingItAndWhyInOneLine() throws Exception {
        Result result = TunnelHealth.evaluate(true, List.of(status("home", KeyingState.UP, ""),
                status("work", KeyingState.FAILED, "no answer to IKE_SA_INIT from 198.51.100.7:4500\n\tat x.y.Z")));
        assertEquals(Result.Status.WARN, result.getStatus());
        assertEquals(List.of("The tunnel to work failed since 2026-12-06T12:00:00Z: no answer to IKE_SA_INIT from"
                + " 198.51.100.7:4500", "1 of 2 peers with a tunnel up"), messages(result));
    }

    @Test
    void aPeerNotListedIsNamedByItsUla() throws Exception {
        Result result = TunnelHealth.evaluate(true, List.of(status("", KeyingState.FAILED, "refused")));
        assertEquals("The tunnel to fd00:1:2:3:0:0:0:9 failed since 2026-12-06T12:00:00Z: refused",
                messages(result).get(0));
    }

    private static KeyingStatus status(String host, KeyingState state, String detail) throws Exception {
        return new KeyingStatus((Inet6Address) InetAddress.getByName("fd00:1:2:3::9"), host, state, SINCE,
                Optional.empty(), Optional.empty(), false, detail);
    }
}
