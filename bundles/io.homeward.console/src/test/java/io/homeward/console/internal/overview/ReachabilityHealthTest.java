package io.homeward.console.internal.overview;

import static io.homeward.console.internal.overview.OverviewFixtures.MAPPED;
import static io.homeward.console.internal.overview.OverviewFixtures.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.junit.jupiter.api.Test;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;

class ReachabilityHealthTest {

    @Test
    void reachableFromTheInternetThroughAMappingIsOkWithTheVerdict() {
        Result result = ReachabilityHealth.of(signedIn(MAPPED, List.of()));
        assertEquals(Result.Status.OK, result.getStatus());
        assertEquals(List.of(Verdict.of(signedIn(MAPPED, List.of())).text()), messages(result));
    }

    @Test
    void reachableOnlyFromTheLanIsAWarningAndSoIsEachWarningWithItsAction() {
        PublicEndpoint local = new PublicEndpoint(new InetSocketAddress("192.168.1.20", 4500), EndpointSource.LOCAL);
        Result result = ReachabilityHealth.of(signedIn(local, List.of()));
        assertEquals(Result.Status.WARN, result.getStatus());
        List<String> expected = new ArrayList<>(List.of(Verdict.of(signedIn(local, List.of())).text()));
        Warnings.of(signedIn(local, List.of())).forEach(w -> expected.add(w.problem() + " " + w.action()));
        assertEquals(expected, messages(result));
    }

    @Test
    void notReachableIsCritical() {
        PublicEndpoint loopback = new PublicEndpoint(new InetSocketAddress("127.0.0.1", 4500), EndpointSource.STUN);
        Result result = ReachabilityHealth.of(signedIn(loopback, List.of()));
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertEquals(Verdict.of(signedIn(loopback, List.of())).text(), messages(result).get(0));
    }

    private static List<String> messages(Result result) {
        List<String> messages = new ArrayList<>();
        for (ResultLog.Entry entry : result) {
            messages.add(entry.getMessage());
        }
        return messages;
    }
}
