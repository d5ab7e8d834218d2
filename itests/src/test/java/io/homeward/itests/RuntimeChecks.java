package io.homeward.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What must hold in every runtime the launcher ships. */
public abstract class RuntimeChecks {

    @Inject
    protected BundleContext context;

    @Inject
    protected ServiceComponentRuntime scr;

    protected abstract String feature();


    @Test
    public void everyShippedBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        int shipped = 0;
        for (Bundle b : context.getBundles()) {
            if (!b.getLocation().contains("/bundles/") || b.getHeaders().get("Fragment-Host") != null) {
                continue;
            }
            shipped++;
            if (b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " (state " + b.getState() + ")");
            }
        }
        assertEquals("every bundle of the " + feature() + " list is installed", ShippedRuntime.bundlesUnderTest(feature()).size(), shipped);
        assertTrue("not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void everyComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            components++;
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                if (config.state != ComponentConfigurationDTO.ACTIVE && config.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(description.name + " state " + config.state
                            + (config.failure == null ? "" : ": " + config.failure.lines().findFirst().orElse("")));
                }
            }
        }
        assertTrue("there are components", components > 0);
        assertTrue("unsatisfied: " + problems, problems.isEmpty());
    }

    @Test
    public void consoleRefusesWithoutThePasswordAndAnswersWithIt() throws Exception {
        String url = "http://127.0.0.1:" + ShippedRuntime.consolePort(feature()) + "/system/console/bundles.json";
        assertEquals(401, Http.get(url, null, null).status());
        assertEquals(401, Http.get(url, "admin", "admin").status());
        Http.Response ok = Http.get(url, "admin", ShippedRuntime.consolePassword());
        assertEquals(200, ok.status());
        assertTrue(ok.body(), ok.body().contains("\"symbolicName\":\"io.homeward.core\""));
    }
}
