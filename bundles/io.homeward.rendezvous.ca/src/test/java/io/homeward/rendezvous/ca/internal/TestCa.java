package io.homeward.rendezvous.ca.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;

import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** Starts the CA component the way DS would, on a test clock and scheduler, in a directory of the test's. */
final class TestCa {
    static final String DOMAIN = "members.example.";
    static final String ZONE = "alice.members.example.";
    static final String HOST = "laptop";
    static final String NAME = "laptop.alice.members.example";

    final Path directory;
    final MutableClock clock = new MutableClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingLogger log = new RecordingLogger();
    final int lifetimeMinutes;

    TestCa(Path directory) {
        this(directory, 43200);
    }

    TestCa(Path directory, int lifetimeMinutes) {
        this.directory = directory;
        this.lifetimeMinutes = lifetimeMinutes;
    }

    CertificateAuthorityComponent start() throws Exception {
        return new CertificateAuthorityComponent(log.logger(), directory, DOMAIN, config(lifetimeMinutes, 168, ""),
                clock, new SecureRandom(), scheduler);
    }

    static CertificateAuthorityComponent.Config config(int lifetimeMinutes, int crlHours, String name) {
        return (CertificateAuthorityComponent.Config) Proxy.newProxyInstance(
                CertificateAuthorityComponent.Config.class.getClassLoader(),
                new Class<?>[] {CertificateAuthorityComponent.Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hostLifetimeMinutes" -> lifetimeMinutes;
                    case "crlValidityHours" -> crlHours;
                    case "caName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
