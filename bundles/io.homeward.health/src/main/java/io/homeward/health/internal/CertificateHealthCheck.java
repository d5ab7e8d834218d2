package io.homeward.health.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;

/** Whether this host's certificate can key tunnels ({@link CertificateHealth}). */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Homeward host certificate", HealthTags.HOMEWARD, HealthTags.DEFAULT})
public class CertificateHealthCheck implements HealthCheck {
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RevokedCertificates revoked;

    @Override
    public Result execute() {
        Credentials signedIn = credentials;
        RevokedCertificates revocations = revoked;
        List<X509Certificate> chain = signedIn == null ? List.of() : signedIn.certificateChain();
        boolean leafRevoked = revocations != null && !chain.isEmpty() && revocations.isRevoked(chain.get(0));
        return CertificateHealth.evaluate(signedIn != null, chain, leafRevoked, clock.instant());
    }
}
