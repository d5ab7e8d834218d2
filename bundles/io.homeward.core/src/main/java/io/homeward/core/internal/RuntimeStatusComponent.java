package io.homeward.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.RuntimeStatus;

/** Reports, for every capability contract, the installed providers and the one in use. */
@Component(service = RuntimeStatus.class)
public class RuntimeStatusComponent implements RuntimeStatus {
    /** Framework property the launcher sets to the feature it runs. */
    static final String FEATURE_PROPERTY = "homeward.feature";

    private final BundleContext context;

    @Activate
    public RuntimeStatusComponent(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<CapabilityState> capabilities() {
        List<CapabilityState> states = new ArrayList<>(Contract.ALL.size());
        for (Contract contract : Contract.ALL) {
            states.add(new CapabilityState(contract.interfaceName(), contract.label(),
                    ProviderRanking.rank(providers(contract.interfaceName()))));
        }
        return states;
    }

    @Override
    public String feature() {
        String feature = context.getProperty(FEATURE_PROPERTY);
        return feature == null ? "unknown" : feature;
    }

    private List<ServiceReference<?>> providers(String interfaceName) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(interfaceName, null);
            return refs == null ? List.of() : List.of(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }
}
