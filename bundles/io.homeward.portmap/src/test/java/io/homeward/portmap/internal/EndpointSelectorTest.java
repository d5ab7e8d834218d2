package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** The choice of this host's public endpoint, with a manual clock and made-up inputs. */
class EndpointSelectorTest {
    private static final Inet4Address LOCAL = ipv4("192.0.2.10");
    private static final Inet4Address PUBLIC = ipv4("203.0.113.7");
    private static final Inet4Address CONFIGURED = ipv4("198.51.100.5");

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final List<Optional<PublicEndpoint>> heard = new ArrayList<>();
    private Optional<Inet4Address> own = Optional.of(LOCAL);

    private EndpointSelector selector(PublicAddressSetting configured) {
        EndpointSelector selector = new EndpointSelector(4500, configured, () -> own, clock, scheduler, log.logger());
        selector.add((previous, current) -> heard.add(current));
        return selector;
    }

    private EndpointSelector selector() {
        return selector(PublicAddressSetting.parse(""));
    }

    @Test
    void withoutAMappingItIsThisHostsOwnAddressAndTheTunnelPort() {
        EndpointSelector selector = selector();

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL)), heard);
        assertEquals(endpoint(LOCAL, 4500, EndpointSource.LOCAL), selector.current());
    }

    @Test
    void withoutAMappingWhatStunSawCountsAndAMappingWinsOverIt() {
        EndpointSelector selector = selector();
        selector.reflexiveChanged(Optional.of(new InetSocketAddress("198.51.100.20", 40_000)));
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));
        selector.mappingChanged(event(Kind.LOST, 4500, PUBLIC, 61_000));

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL),
                endpoint(ipv4("198.51.100.20"), 40_000, EndpointSource.STUN),
                endpoint(PUBLIC, 61_000, EndpointSource.MAPPING),
                endpoint(ipv4("198.51.100.20"), 40_000, EndpointSource.STUN)), heard);
    }

    @Test
    void aSilentStunServerKeepsItsLastAnswerUntilTheHostMoves() {
        EndpointSelector selector = selector();
        selector.reflexiveChanged(Optional.of(new InetSocketAddress("198.51.100.20", 40_000)));
        selector.reflexiveChanged(Optional.empty());
        assertEquals(endpoint(ipv4("198.51.100.20"), 40_000, EndpointSource.STUN), selector.current(),
                "the rendezvous restarting or out of reach moves nothing");

        selector.networkChanged();
        selector.reflexiveChanged(Optional.empty());
        assertEquals(endpoint(ipv4("198.51.100.20"), 40_000, EndpointSource.STUN), selector.current(),
                "a network event that left this host's own address as it was moves nothing either");

        own = Optional.of(ipv4("192.0.2.77"));
        selector.networkChanged();
        selector.reflexiveChanged(Optional.empty());

        assertEquals(endpoint(ipv4("192.0.2.77"), 4500, EndpointSource.LOCAL), selector.current(),
                "after a move, silence counts");
    }

    @Test
    void aConfiguredAddressWinsOverStunAndTheLocalOneAndALostMappingFallsBackToIt() {
        EndpointSelector selector = selector(PublicAddressSetting.parse(CONFIGURED.getHostAddress()));
        selector.reflexiveChanged(Optional.of(new InetSocketAddress("198.51.100.20", 40_000)));
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));
        selector.mappingChanged(event(Kind.LOST, 4500, PUBLIC, 61_000));

        assertEquals(List.of(endpoint(CONFIGURED, 4500, EndpointSource.CONFIGURED),
                endpoint(PUBLIC, 61_000, EndpointSource.MAPPING),
                endpoint(CONFIGURED, 4500, EndpointSource.CONFIGURED)), heard);
    }

    @Test
    void listenersAreToldOnlyOfRealChanges() {
        EndpointSelector selector = selector();
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));
        selector.mappingChanged(event(Kind.RENEWED, 4500, PUBLIC, 61_000));
        selector.mappingChanged(event(Kind.MAPPED, 5000, PUBLIC, 62_000));
        selector.reflexiveChanged(Optional.of(new InetSocketAddress("198.51.100.20", 40_000)));
        selector.networkChanged();

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL),
                endpoint(PUBLIC, 61_000, EndpointSource.MAPPING)), heard, "renewals and other ports change nothing");
    }

    @Test
    void aNetworkChangeLooksAtTheHostsOwnAddressAgain() {
        EndpointSelector selector = selector();
        own = Optional.of(ipv4("10.1.2.3"));
        selector.networkChanged();
        own = Optional.empty();
        selector.networkChanged();

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL),
                endpoint(ipv4("10.1.2.3"), 4500, EndpointSource.LOCAL), Optional.empty()), heard);
    }

    @Test
    void aMappingThatRanOutIsNoEndpointAnyMore() {
        EndpointSelector selector = selector();
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));
        scheduler.advance(Duration.ofMinutes(59));
        assertEquals(endpoint(PUBLIC, 61_000, EndpointSource.MAPPING), selector.current());

        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(endpoint(LOCAL, 4500, EndpointSource.LOCAL), selector.current());
    }

    @Test
    void onlyIpv4CountsAsWhereThePeersReachTheTunnel() throws Exception {
        EndpointSelector selector = selector();
        selector.reflexiveChanged(Optional.of(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 4500)));
        selector.mappingChanged(new PortMappingEvent(Kind.MAPPED, new PortMapping(MapperProtocol.PCP, TransportProtocol.UDP, 4500,
                InetAddress.getByName("2001:db8::1"), 61_000, Duration.ofHours(1), clock.instant())));

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL)), heard);
    }

    @Test
    void aWrongConfiguredAddressGivesNoEndpointUntilFixed() {
        EndpointSelector selector = selector(PublicAddressSetting.parse("2001:db8::1"));
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));

        assertEquals(List.of(Optional.empty()), heard);
        assertEquals(Optional.empty(), selector.current());
    }

    @Test
    void aNewListenerHearsTheCurrentEndpointAtOnceAndAFailingOneHarmsNoOther() {
        EndpointSelector selector = selector();
        List<String> late = new ArrayList<>();
        selector.add((previous, current) -> {
            throw new IllegalStateException("broken listener");
        });
        selector.add((previous, current) -> late.add(previous + " -> " + current.map(PublicEndpoint::source)
                .orElseThrow()));
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));

        assertEquals(List.of("Optional.empty -> LOCAL", "Optional[" + endpoint(LOCAL, 4500, EndpointSource.LOCAL)
                .orElseThrow() + "] -> MAPPING"), late);
        assertEquals(2, heard.size());
        assertTrue(log.messages(LogLevel.WARN).stream().anyMatch(l -> l.contains("broken listener")),
                log.lines().toString());
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        EndpointSelector selector = selector();
        List<Optional<PublicEndpoint>> gone = new ArrayList<>();
        PublicEndpointListener listener = (previous, current) -> gone.add(current);
        selector.add(listener);
        selector.remove(listener);
        selector.mappingChanged(event(Kind.MAPPED, 4500, PUBLIC, 61_000));

        assertEquals(List.of(endpoint(LOCAL, 4500, EndpointSource.LOCAL)), gone);
    }

    private PortMappingEvent event(Kind kind, int internalPort, Inet4Address external, int externalPort) {
        return new PortMappingEvent(kind, new PortMapping(MapperProtocol.PCP, TransportProtocol.UDP, internalPort, external,
                externalPort, Duration.ofHours(1), clock.instant()));
    }

    private static Optional<PublicEndpoint> endpoint(Inet4Address address, int port, EndpointSource source) {
        return Optional.of(new PublicEndpoint(new InetSocketAddress(address, port), source));
    }

    private static Inet4Address ipv4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
