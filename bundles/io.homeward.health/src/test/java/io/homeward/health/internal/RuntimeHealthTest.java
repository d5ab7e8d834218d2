package io.homeward.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.homeward.health.internal.HealthResults.messages;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

class RuntimeHealthTest {
    private static final List<BundleFacts> HEALTHY_BUNDLES = List.of(
            new BundleFacts(0, "org.apache.felix.framework", Bundle.ACTIVE, false),
            new BundleFacts(5, "io.homeward.identity", Bundle.ACTIVE, false),
            new BundleFacts(6, "io.homeward.l10n", Bundle.RESOLVED, true));
    private static final List<ComponentFacts> HEALTHY_COMPONENTS = List.of(
            component("io.homeward.identity.internal.HostIdentityComponent", ComponentConfigurationDTO.ACTIVE),
            component("io.homeward.shell.internal.HomewardCommands", ComponentConfigurationDTO.SATISFIED));

    @Test
    void allActiveWithIdentityIsOkWithCounts() {
        Result result = RuntimeHealth.evaluate(HEALTHY_BUNDLES, HEALTHY_COMPONENTS, true);
        assertEquals(Result.Status.OK, result.getStatus());
        assertEquals(List.of("2 of 2 bundles active (1 fragments), 2 of 2 components satisfied or active"
                + " (0 waiting for configuration), host identity present"), messages(result));
    }

    @Test
    void aResolvedBundleIsCriticalAndNamed() {
        List<BundleFacts> bundles = new ArrayList<>(HEALTHY_BUNDLES);
        bundles.add(new BundleFacts(9, "io.homeward.crypto.aesgcm", Bundle.RESOLVED, false));
        Result result = RuntimeHealth.evaluate(bundles, HEALTHY_COMPONENTS, true);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).contains("Bundle io.homeward.crypto.aesgcm [9] is RESOLVED, not ACTIVE"),
                messages(result)::toString);
    }

    @Test
    void unsatisfiedAndFailedComponentsAreCriticalWithTheReason() {
        List<ComponentFacts> components = new ArrayList<>(HEALTHY_COMPONENTS);
        components.add(new ComponentFacts("io.homeward.console.internal.X", "io.homeward.console",
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE, List.of("log", "scr"), null));
        components.add(new ComponentFacts("io.homeward.health.internal.Y", "io.homeward.health",
                ComponentConfigurationDTO.FAILED_ACTIVATION, List.of(), "NullPointerException in activate"));
        Result result = RuntimeHealth.evaluate(HEALTHY_BUNDLES, components, true);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        List<String> messages = messages(result);
        assertTrue(messages.contains("Component io.homeward.console.internal.X of bundle io.homeward.console is"
                + " missing references log, scr"), messages::toString);
        assertTrue(messages.contains("Component io.homeward.health.internal.Y of bundle io.homeward.health is failed"
                + " to activate: NullPointerException in activate"), messages::toString);
        assertTrue(messages.get(messages.size() - 1).contains("2 of 4 components satisfied or active"), messages::toString);
    }

    @Test
    void aFailureIsShownByItsFirstLineWithoutTheStackTrace() {
        List<ComponentFacts> components = new ArrayList<>(HEALTHY_COMPONENTS);
        components.add(new ComponentFacts("io.homeward.registrar.internal.RegistrarComponent", "io.homeward.registrar",
                ComponentConfigurationDTO.FAILED_ACTIVATION, List.of(),
                "java.lang.IllegalArgumentException: lease 20 s is below 60 s\n\tat io.homeward.registrar.internal"
                        + ".RegistrarComponent.<init>(RegistrarComponent.java:80)\n\tat java.base/jdk.internal.reflect"));
        List<String> messages = messages(RuntimeHealth.evaluate(HEALTHY_BUNDLES, components, true));
        assertTrue(messages.contains("Component io.homeward.registrar.internal.RegistrarComponent of bundle"
                + " io.homeward.registrar is failed to activate: java.lang.IllegalArgumentException: lease 20 s is"
                + " below 60 s"), messages::toString);
        assertTrue(messages.stream().noneMatch(m -> m.contains("\tat ")), messages::toString);
    }

    @Test
    void noIdentityIsAWarning() {
        Result result = RuntimeHealth.evaluate(HEALTHY_BUNDLES, HEALTHY_COMPONENTS, false);
        assertEquals(Result.Status.WARN, result.getStatus());
        assertTrue(messages(result).get(0).contains("No HostIdentity service"), messages(result)::toString);
    }

    @Test
    void aComponentWaitingForConfigurationIsNamedButHealthy() {
        List<ComponentFacts> components = new ArrayList<>(HEALTHY_COMPONENTS);
        components.add(component("io.homeward.accounts.internal.Account", ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION));
        Result result = RuntimeHealth.evaluate(HEALTHY_BUNDLES, components, true);
        assertEquals(Result.Status.OK, result.getStatus());
        assertTrue(messages(result).get(0).contains("io.homeward.accounts.internal.Account"), messages(result)::toString);
        assertTrue(messages(result).get(1).contains("(1 waiting for configuration)"), messages(result)::toString);
    }

    private static ComponentFacts component(String name, int state) {
        return new ComponentFacts(name, name.substring(0, name.indexOf(".internal")), state, List.of(), null);
    }
}
