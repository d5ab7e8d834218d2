package io.homeward.health.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import io.homeward.api.identity.HostIdentity;

/** The Homeward runtime health check ({@link RuntimeHealth}). */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Homeward runtime", HealthTags.HOMEWARD, HealthTags.DEFAULT})
public class HomewardHealthCheck implements HealthCheck {
    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Activate
    public HomewardHealthCheck(BundleContext context, @Reference(name = "scr") ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @Override
    public Result execute() {
        return RuntimeHealth.evaluate(bundles(), components(), context.getServiceReference(HostIdentity.class) != null);
    }

    private List<BundleFacts> bundles() {
        List<BundleFacts> facts = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            facts.add(new BundleFacts(b.getBundleId(), b.getSymbolicName(), b.getState(),
                    b.getHeaders("").get(Constants.FRAGMENT_HOST) != null));
        }
        return facts;
    }

    /** Disabled components are left out: an operator or a bundle turned them off on purpose. */
    private List<ComponentFacts> components() {
        List<ComponentFacts> facts = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                List<String> unsatisfied = new ArrayList<>();
                if (c.unsatisfiedReferences != null) {
                    for (UnsatisfiedReferenceDTO ref : c.unsatisfiedReferences) {
                        unsatisfied.add(ref.name);
                    }
                }
                facts.add(new ComponentFacts(description.name, description.bundle.symbolicName, c.state, unsatisfied,
                        c.failure));
            }
        }
        return facts;
    }
}
