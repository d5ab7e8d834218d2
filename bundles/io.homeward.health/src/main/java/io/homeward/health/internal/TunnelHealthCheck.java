package io.homeward.health.internal;

import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.keying.TunnelKeying;

/** Whether the tunnels to the user's other hosts can be keyed ({@link TunnelHealth}). */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Homeward tunnels", HealthTags.HOMEWARD, HealthTags.DEFAULT})
public class TunnelHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TunnelKeying keying;

    @Override
    public Result execute() {
        TunnelKeying running = keying;
        return TunnelHealth.evaluate(running != null, running == null ? List.of() : running.status());
    }
}
