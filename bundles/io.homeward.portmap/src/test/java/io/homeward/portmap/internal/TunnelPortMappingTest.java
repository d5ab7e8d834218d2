package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogLevel;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.testkit.RecordingLogger;

/** The DS component on its own thread, as SCR drives it. */
class TunnelPortMappingTest {
    private final RecordingLogger log = new RecordingLogger();
    private final Clock clock = Clock.systemUTC();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<PortMappingEvent> heard = Collections.synchronizedList(new ArrayList<>());
    private final List<String> registry = Collections.synchronizedList(new ArrayList<>());
    private PortMappingListener ownListener;

    @Test
    void listenersHearTheMappingAndAFailingListenerHarmsNoOther() throws Exception {
        TunnelPortMapping component = new TunnelPortMapping(context(), config(true), log.logger());
        try {
            component.addListener(e -> {
                throw new IllegalStateException("broken listener");
            });
            component.addListener(heard::add);
            component.addListener(ownListener);
            FakeMapper pcp = new FakeMapper("pcp", "203.0.113.7", 4500, clock, calls);

            component.addMapper(pcp, props(200, 1));

            assertEquals("pcp", component.state().mapping().mapper());
            assertEquals(List.of(Kind.MAPPED), heard.stream().map(PortMappingEvent::kind).toList());
            assertTrue(log.messages(LogLevel.WARN).stream().anyMatch(l -> l.contains("broken listener")), log.lines().toString());

            pcp.externalAddress = "198.51.100.1";
            ownListener.mappingChanged(new PortMappingEvent(Kind.CHANGED, pcp.mapping(4500, Duration.ofHours(1))));
            component.state();
            assertEquals(List.of(Kind.MAPPED, Kind.CHANGED), heard.stream().map(PortMappingEvent::kind).toList(),
                    "its own listener is not among those it tells");
        } finally {
            component.deactivate();
        }
        assertEquals("pcp release 4500", calls.get(calls.size() - 1));
        assertEquals(List.of("register", "unregister"), registry);
    }

    @Test
    void aNetworkChangeMakesItAskForTheMappingAgain() throws Exception {
        TunnelPortMapping component = new TunnelPortMapping(context(), config(true), log.logger());
        try {
            component.addMapper(new FakeMapper("pcp", "203.0.113.7", 4500, clock, calls), props(200, 1));
            component.state();

            component.networkChanged(new NetworkChange(NetworkChange.Kind.ADDRESS_ADDED, Optional.of("eth0"),
                    "10.0.0.7/24 added on eth0", Instant.now()));

            for (int i = 0; i < 100 && calls.size() < 2; i++) {
                Thread.sleep(50);
            }
            assertEquals(List.of("pcp map 4500", "pcp map 4500"), calls);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void switchedOffItAsksNoMapper() throws Exception {
        TunnelPortMapping component = new TunnelPortMapping(context(), config(false), log.logger());
        try {
            component.addMapper(new FakeMapper("pcp", "203.0.113.7", 4500, clock, calls), props(200, 1));

            assertEquals(false, component.state().enabled());
            assertTrue(calls.isEmpty());
        } finally {
            component.deactivate();
        }
    }

    private static Map<String, Object> props(int ranking, long id) {
        return Map.of("service.ranking", ranking, "service.id", id);
    }

    /** A bundle context that only knows how to register one service and hands the listener to the test. */
    @SuppressWarnings("unchecked")
    private BundleContext context() {
        ServiceRegistration<PortMappingListener> registration = (ServiceRegistration<PortMappingListener>) Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                        (proxy, method, args) -> {
                            registry.add(method.getName());
                            return null;
                        });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[1] instanceof PortMappingListener l) {
                        ownListener = l;
                        registry.add("register");
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TunnelPortMapping.Config config(boolean enabled) {
        return new TunnelPortMapping.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TunnelPortMapping.Config.class;
            }

            @Override
            public int internalPort() {
                return 4500;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int lifetimeSeconds() {
                return 3600;
            }

            @Override
            public int retrySeconds() {
                return 300;
            }
        };
    }
}
