package io.homeward.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The glue between the framework, SCR and the verdict, over fakes of both. */
class HomewardHealthCheckTest {

    @Test
    void readsBundlesFragmentsAndEnabledComponents() {
        Bundle[] bundles = {
                bundle(0, "org.apache.felix.framework", Bundle.ACTIVE, null),
                bundle(3, "io.homeward.fragment", Bundle.RESOLVED, "io.homeward.identity"),
                bundle(4, "io.homeward.identity", Bundle.ACTIVE, null)};
        ComponentDescriptionDTO enabled = description("io.homeward.identity.internal.HostIdentityComponent");
        ComponentDescriptionDTO disabled = description("io.homeward.identity.internal.Spare");
        ComponentConfigurationDTO waitingForLog = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "log");
        ServiceComponentRuntime scr = (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> List.of(enabled, disabled);
                    case "isComponentEnabled" -> args[0] == enabled;
                    case "getComponentConfigurationDTOs" -> args[0] == enabled
                            ? List.of(waitingForLog) : List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION));
                    default -> null;
                });

        Result result = new HomewardHealthCheck(context(bundles, false), scr).execute();

        assertEquals(Result.Status.CRITICAL, result.getStatus());
        List<String> messages = new ArrayList<>();
        for (ResultLog.Entry entry : result) {
            messages.add(entry.getMessage());
        }
        assertEquals(List.of(
                "Component io.homeward.identity.internal.HostIdentityComponent of bundle io.homeward.identity is missing"
                        + " references log",
                "No HostIdentity service: install and start bundle io.homeward.identity",
                "2 of 2 bundles active (1 fragments), 0 of 1 components satisfied or active (0 waiting for configuration),"
                        + " host identity missing"), messages);
    }

    @Test
    void aHealthyRuntimeIsOk() {
        Bundle[] bundles = {bundle(0, "org.apache.felix.framework", Bundle.ACTIVE, null)};
        ServiceComponentRuntime scr = (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class},
                (proxy, method, args) -> "getComponentDescriptionDTOs".equals(method.getName()) ? List.of() : null);
        assertTrue(new HomewardHealthCheck(context(bundles, true), scr).execute().isOk());
    }

    private static ComponentDescriptionDTO description(String name) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.bundle = new BundleDTO();
        d.bundle.symbolicName = "io.homeward.identity";
        return d;
    }

    private static ComponentConfigurationDTO configuration(int state, String... unsatisfied) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[unsatisfied.length];
        for (int i = 0; i < unsatisfied.length; i++) {
            c.unsatisfiedReferences[i] = new UnsatisfiedReferenceDTO();
            c.unsatisfiedReferences[i].name = unsatisfied[i];
        }
        return c;
    }

    private static Bundle bundle(long id, String name, int state, String fragmentHost) {
        Hashtable<String, String> headers = new Hashtable<>(fragmentHost == null ? Map.of() : Map.of("Fragment-Host", fragmentHost));
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "getState" -> state;
                    case "getHeaders" -> headers;
                    default -> null;
                });
    }

    private static BundleContext context(Bundle[] bundles, boolean identity) {
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles;
                    case "getServiceReference" -> identity ? reference : null;
                    default -> null;
                });
    }
}
