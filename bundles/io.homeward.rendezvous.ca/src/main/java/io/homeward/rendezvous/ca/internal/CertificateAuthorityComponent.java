package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;

/**
 * The account CA of the members domain (docs/enrollment.md, "The account CA"), kept in {@code ca/} of the data
 * directory: {@value CaIdentityFiles#KEY_FILE}, {@value CaIdentityFiles#CERTIFICATE_FILE}, {@value IssuedFile#NAME}
 * and {@value CrlFile#NAME}. Its thread signs the daily CRL.
 */
@Component(service = {CertificateAuthority.class, CertificateAuthorityComponent.class},
        configurationPid = CertificateAuthorityComponent.PID)
@Designate(ocd = CertificateAuthorityComponent.Config.class)
public class CertificateAuthorityComponent implements CertificateAuthority {
    static final String PID = "io.homeward.rendezvous.ca";
    static final int MIN_LIFETIME_MINUTES = 2;
    static final int MAX_LIFETIME_MINUTES = 3650 * 24 * 60;
    static final int MIN_CRL_HOURS = 25;
    static final int MAX_CRL_HOURS = 366 * 24;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward account CA",
            description = "Signs the certificates of the users' enrolled hosts (for IKE, TLS and Kerberos), revokes"
                    + " them and publishes the CRL.")
    public @interface Config {
        @AttributeDefinition(name = "Host certificate lifetime (minutes)", description = "How long a host"
                + " certificate is valid, 2 to 5256000 (ten years); 43200 is 30 days. Agents renew at two thirds of"
                + " it.")
        int hostLifetimeMinutes() default 43200;

        @AttributeDefinition(name = "CRL validity (hours)", description = "The CRL's nextUpdate, 25 to 8784 hours"
                + " after it is signed. It is signed again at every revocation and every day, so more than 24.")
        int crlValidityHours() default 168;

        @AttributeDefinition(name = "CA name", description = "Common name of the CA certificate made on the first"
                + " start; empty for 'Homeward account CA for <members domain>'. Later changes have no effect: the"
                + " CA, once made, is never replaced.")
        String caName() default "";
    }

    private final Logger log;
    private final Scheduler scheduler;
    private final AccountCa ca;

    @Activate
    public CertificateAuthorityComponent(@Reference(service = LoggerFactory.class) Logger log, BundleContext context,
            @Reference AccountService accounts, Config config) throws IOException, GeneralSecurityException {
        this(log, DataDirectory.resolve(context, "ca", log), accounts.domain(), config, Clock.systemUTC(),
                new SecureRandom(), new ExecutorScheduler("homeward-ca", log));
    }

    /**
     * @param domain the members domain, absolute
     * @throws IOException when the CA key or certificate exists but cannot be read; they are never replaced
     */
    CertificateAuthorityComponent(Logger log, Path directory, String domain, Config config, Clock clock,
            SecureRandom random, Scheduler scheduler) throws IOException, GeneralSecurityException {
        this.log = log;
        this.scheduler = scheduler;
        String members = ZoneNames.absolute(domain);
        String name = config.caName().isBlank() ? "Homeward account CA for " + ZoneNames.withoutDot(members)
                : config.caName().trim();
        CaIdentity identity;
        try {
            identity = CaIdentityFiles.loadOrCreate(directory, name, clock, random, log);
        } catch (IOException e) {
            log.error("The account CA cannot start: {}", e.getMessage());
            throw e;
        }
        this.ca = new AccountCa(members, identity, directory,
                Duration.ofMinutes(bounded("hostLifetimeMinutes", config.hostLifetimeMinutes(), MIN_LIFETIME_MINUTES,
                        MAX_LIFETIME_MINUTES, 43200)),
                Duration.ofHours(bounded("crlValidityHours", config.crlValidityHours(), MIN_CRL_HOURS, MAX_CRL_HOURS,
                        168)),
                clock, random, scheduler, log);
    }

    @Override
    public X509Certificate certificate() {
        return ca.identity().certificate();
    }

    @Override
    public Duration hostLifetime() {
        return ca.hostLifetime();
    }

    @Override
    public HostCertificate issue(String zone, String host, byte[] certificationRequest)
            throws CertificateRequestException {
        return ca.issue(zone, host, certificationRequest);
    }

    @Override
    public List<HostCertificate> certificates(String zone) {
        return ca.certificates(zone);
    }

    @Override
    public Optional<HostCertificate> find(BigInteger serial) {
        return ca.find(serial);
    }

    @Override
    public List<HostCertificate> revoke(String zone, String host) {
        return ca.revoke(zone, host);
    }

    @Override
    public X509CRL crl() {
        return ca.crl();
    }

    @Override
    public void addRevocationListener(RevocationListener listener) {
        ca.addListener(listener);
    }

    @Override
    public void removeRevocationListener(RevocationListener listener) {
        ca.removeListener(listener);
    }

    /** What {@code homeward:ca} shows. */
    String report() {
        return CaReport.text(ca.identity().certificate(), ca.hostLifetime(), ca.currentCrl(), ca.problem(), ca.all());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ca.close();
        if (scheduler instanceof ExecutorScheduler thread && !thread.shutdown(STOP_WAIT)) {
            log.warn("The account CA's thread did not stop within {} s", STOP_WAIT.toSeconds());
            thread.stopNow();
        }
    }

    private int bounded(String key, int value, int min, int max, int fallback) {
        if (value < min || value > max) {
            log.error("{} {} is outside {}..{}; using {}", key, value, min, max, fallback);
            return fallback;
        }
        return value;
    }
}
