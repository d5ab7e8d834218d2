package io.homeward.health.internal;

import java.util.Optional;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.endpoint.PublicEndpoints;

/** Whether peers can reach the endpoint this host gives them ({@link EndpointHealth}). */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Homeward public endpoint", HealthTags.HOMEWARD, HealthTags.DEFAULT})
public class EndpointHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PublicEndpoints endpoints;

    @Override
    public Result execute() {
        PublicEndpoints running = endpoints;
        return EndpointHealth.evaluate(running != null, running == null ? Optional.empty() : running.current());
    }
}
