package io.homeward.health.internal;

import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.FAILED_ACTIVATION;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.UNSATISFIED_REFERENCE;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;

/**
 * The health verdict: CRITICAL naming every bundle that is not ACTIVE and every component that
 * is not satisfied, WARN when no host identity exists, OK otherwise; always a line of counts.
 * A component that waits for a configuration the operator has not created yet is named but not
 * counted as a failure: such components (per account, per gateway) are off by design until then.
 */
final class RuntimeHealth {
    private RuntimeHealth() {
    }

    static Result evaluate(List<BundleFacts> bundles, List<ComponentFacts> components, boolean identityPresent) {
        FormattingResultLog log = new FormattingResultLog();
        int fragments = 0;
        int inactive = 0;
        for (BundleFacts bundle : bundles) {
            if (bundle.fragment()) {
                fragments++;
            } else if (bundle.state() != Bundle.ACTIVE) {
                inactive++;
                log.critical("Bundle {} [{}] is {}, not ACTIVE", bundle.symbolicName(), bundle.id(),
                        bundleState(bundle.state()));
            }
        }
        int unsatisfied = 0;
        int waiting = 0;
        for (ComponentFacts component : components) {
            if (component.state() == UNSATISFIED_CONFIGURATION) {
                waiting++;
                log.info("Component {} of bundle {} is waiting for its configuration", component.name(),
                        component.bundle());
            } else if (component.state() != SATISFIED && component.state() != ACTIVE) {
                unsatisfied++;
                log.critical("Component {} of bundle {} is {}", component.name(), component.bundle(), why(component));
            }
        }
        if (!identityPresent) {
            log.warn("No HostIdentity service: install and start bundle io.homeward.identity");
        }
        log.info("{} of {} bundles active ({} fragments), {} of {} components satisfied or active ({} waiting for"
                + " configuration), host identity {}", bundles.size() - fragments - inactive, bundles.size() - fragments,
                fragments, components.size() - unsatisfied - waiting, components.size(), waiting,
                identityPresent ? "present" : "missing");
        return new Result(log);
    }

    private static String why(ComponentFacts c) {
        return switch (c.state()) {
            case UNSATISFIED_REFERENCE -> "missing references " + String.join(", ", c.unsatisfiedReferences());
            case FAILED_ACTIVATION -> "failed to activate: " + OneLine.of(c.failure());
            default -> "in state " + c.state();
        };
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (unresolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
