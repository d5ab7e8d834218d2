package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.exchange.PeerCertificateCheck.Rule;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.NotifyType;

/**
 * A host whose certificate breaks a rule is answered AUTHENTICATION_FAILED (RFC 7296 §2.21.2), the log names the
 * rule, and no Child SA is installed on either side.
 */
class CertificateRefusalTest {

    enum BadCertificate {
        OTHER_CA(Rule.OTHER_CA, lab -> new TestPki("Homeward account CA for members.example", lab.clock.instant())
                .host(lab.laptop.keys, "laptop", IkeLab.USER, lab.clock.instant())),
        SELF_SIGNED(Rule.OTHER_CA, lab -> TestPki.selfSigned(lab.laptop.keys, lab.laptop.fqdn,
                "dns:" + IkeLab.USER + "." + TestPki.DOMAIN, lab.clock.instant())),
        EXPIRED(Rule.VALIDITY, lab -> {
            Instant now = lab.clock.instant();
            return lab.pki.issue(lab.laptop.keys, lab.laptop.fqdn, "dns:" + IkeLab.USER + "." + TestPki.DOMAIN,
                    now.minus(Duration.ofDays(30)), now.minusSeconds(1), TestPki.HOST_PURPOSES);
        }),
        REVOKED(Rule.REVOKED, lab -> {
            X509Certificate certificate = lab.pki.host(lab.laptop.keys, "laptop", IkeLab.USER, lab.clock.instant());
            lab.revocations.revoke(certificate);
            return certificate;
        }),
        OTHER_ZONE(Rule.ZONE, lab -> {
            Instant now = lab.clock.instant();
            return lab.pki.issue(lab.laptop.keys, lab.laptop.fqdn, "dns:bob." + TestPki.DOMAIN,
                    now.minusSeconds(60), now.plus(Duration.ofDays(30)), TestPki.HOST_PURPOSES);
        }),
        ID_MISMATCH(Rule.IDENTITY, lab -> lab.pki.host(lab.laptop.keys, "desktop", IkeLab.USER, lab.clock.instant()));

        final Rule rule;
        final Function<IkeLab, X509Certificate> make;

        BadCertificate(Rule rule, Function<IkeLab, X509Certificate> make) {
            this.rule = rule;
            this.make = make;
        }
    }

    @ParameterizedTest
    @EnumSource(BadCertificate.class)
    void theResponderRefusesTheInitiator(BadCertificate bad) {
        IkeLab lab = new IkeLab();
        lab.laptop.certificate = bad.make.apply(lab);
        lab.initiate();
        lab.run();

        assertTrue(lab.home.log.has(LogLevel.WARN, "rule " + bad.rule.name()), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.WARN, "AUTHENTICATION_FAILED"), lab.laptop.log.toString());
        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.home.status().isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.home.database.installed.isEmpty());
        assertEquals(0, lab.home.halfOpen.total());
        assertEquals(4, lab.sent.size());
    }

    @ParameterizedTest
    @EnumSource(value = BadCertificate.class, names = {"OTHER_CA", "OTHER_ZONE", "REVOKED"})
    void theInitiatorRefusesTheResponder(BadCertificate bad) {
        IkeLab lab = new IkeLab();
        lab.home.certificate = reissued(lab, bad);
        lab.initiate();
        lab.run();

        assertTrue(lab.laptop.log.has(LogLevel.WARN, "rule " + bad.rule.name()), lab.laptop.log.toString());
        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty());
    }

    @Test
    void anAuthenticationFailedResponseIsSealed() {
        IkeLab lab = new IkeLab();
        lab.laptop.certificate = BadCertificate.OTHER_ZONE.make.apply(lab);
        lab.initiate();
        lab.run();

        assertEquals(ExchangeType.IKE_AUTH.code(), lab.sent.get(3).message().header().exchangeType());
        assertTrue(lab.sent.get(3).message().notifies(NotifyType.AUTHENTICATION_FAILED).isEmpty(),
                "the notify travels inside SK");
    }

    /** The same bad certificate, for the home host's keys and name. */
    private static X509Certificate reissued(IkeLab lab, BadCertificate bad) {
        Instant now = lab.clock.instant();
        String zoneUri = "dns:" + IkeLab.USER + "." + TestPki.DOMAIN;
        return switch (bad) {
            case OTHER_CA -> new TestPki("Homeward account CA for members.example", now)
                    .host(lab.home.keys, "home", IkeLab.USER, now);
            case OTHER_ZONE -> lab.pki.issue(lab.home.keys, lab.home.fqdn, "dns:bob." + TestPki.DOMAIN,
                    now.minusSeconds(60), now.plus(Duration.ofDays(30)), TestPki.HOST_PURPOSES);
            case REVOKED -> {
                X509Certificate certificate = lab.pki.host(lab.home.keys, "home", IkeLab.USER, now);
                lab.revocations.revoke(certificate);
                yield certificate;
            }
            default -> throw new IllegalArgumentException(bad.name());
        };
    }
}
