package io.homeward.health.internal;

import java.time.Clock;
import java.util.Optional;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.RecordRegistrar;

/** Whether this host is published at the rendezvous ({@link PublicationHealth}). */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Homeward publication", HealthTags.HOMEWARD, HealthTags.DEFAULT})
public class PublicationHealthCheck implements HealthCheck {
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RecordRegistrar registrar;

    @Override
    public Result execute() {
        Credentials signedIn = credentials;
        RecordRegistrar running = registrar;
        return PublicationHealth.evaluate(Optional.ofNullable(signedIn).map(Credentials::zone), running != null,
                running == null ? Optional.empty() : running.current(), clock.instant());
    }
}
