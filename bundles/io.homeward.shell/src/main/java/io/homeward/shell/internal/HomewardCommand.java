package io.homeward.shell.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.runtime.RuntimeStatus;

/**
 * Gogo commands {@code homeward:status} and {@code homeward:identity}. Both services are optional
 * so the commands exist, and say what is missing, even when the runtime is incomplete.
 */
@Component(service = Object.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=status",
        "osgi.command.function=identity"})
public class HomewardCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RuntimeStatus runtimeStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HostIdentity hostIdentity;

    /** {@code homeward:status} – the feature and, per capability, the installed providers and the one in use. */
    public String status() {
        return StatusReport.of(runtimeStatus);
    }

    /** {@code homeward:identity} – host name, EUI-64 and its source, ULA and AutoTunnel label. */
    public String identity() {
        return IdentityReport.of(hostIdentity);
    }
}
