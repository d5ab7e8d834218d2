package io.homeward.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.osgi.service.cm.ConfigurationAdmin;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.runtime.RuntimeStatus;

/** The embedded default: everything of the agent and rendezvous, plus hot swap and live configuration. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AllInOneRuntimeTest extends RuntimeChecks {

    @Inject
    private RuntimeStatus status;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private HostIdentity identity;

    @Inject
    private HealthCheckExecutor healthChecks;

    @Inject
    private CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return ShippedRuntime.options(feature());
    }

    @Override
    protected String feature() {
        return "all-in-one";
    }

    @Test
    public void stoppingTheActiveCryptoSuiteHandsOverToTheNextAndStartingItTakesOverAgain() throws Exception {
        assertEquals("aes-gcm-16", activeCryptoSuite());
        Bundle aesGcm = bundle("io.homeward.crypto.aesgcm");
        aesGcm.stop();
        try {
            assertEquals("chacha20-poly1305", Await.until("hand-over to ChaCha20", this::activeCryptoSuite, "chacha20-poly1305"::equals));
            assertEquals("chacha20-poly1305", frameworkChoice().name());
            assertRoundTrip(frameworkChoice());
        } finally {
            aesGcm.start();
        }
        assertEquals("aes-gcm-16", Await.until("AES-GCM taking over again", this::activeCryptoSuite, "aes-gcm-16"::equals));
        assertEquals("aes-gcm-16", frameworkChoice().name());
        assertRoundTrip(frameworkChoice());
    }

    @Test
    public void rankingFromTheConsoleConfigurationChoosesTheSuite() throws Exception {
        org.osgi.service.cm.Configuration chacha = configAdmin.getConfiguration("io.homeward.crypto.chacha20", "?");
        Dictionary<String, Object> original = chacha.getProperties();
        update(chacha, "service.ranking", 500);
        try {
            assertEquals("chacha20-poly1305", Await.until("ChaCha20 ranked first", this::activeCryptoSuite, "chacha20-poly1305"::equals));
        } finally {
            restore(chacha, original);
        }
        assertEquals("aes-gcm-16", Await.until("AES-GCM ranked first again", this::activeCryptoSuite, "aes-gcm-16"::equals));
    }

    @Test
    public void hostNameChangeReachesTheIdentityAndAnInvalidOneIsRefused() throws Exception {
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("io.homeward.identity", "?");
        Dictionary<String, Object> original = config.getProperties();
        String ula = identity.ulaText();
        try {
            update(config, "hostName", "itest-host");
            assertEquals("itest-host", Await.until("the new host name", () -> currentIdentity().hostName(), "itest-host"::equals));
            update(config, "hostName", "not a label");
            Thread.sleep(500);
            assertEquals("the last good host name stays", "itest-host", currentIdentity().hostName());
            assertEquals("the ULA is constant while the runtime runs", ula, currentIdentity().ulaText());
        } finally {
            restore(config, original);
        }
    }

    @Test
    public void statusNamesEveryContractAndTheActiveProviders() {
        CapabilityState crypto = status.capabilities().stream()
                .filter(c -> c.contract().equals(CryptoSuite.class.getName())).findFirst().orElseThrow();
        assertEquals(2, crypto.providers().size());
        assertEquals("all-in-one", status.feature());
        CapabilityState identityState = status.capabilities().stream()
                .filter(c -> c.contract().equals(HostIdentity.class.getName())).findFirst().orElseThrow();
        assertEquals("eui64-ula", identityState.active().map(ProviderInfo::name).orElse("none"));
    }

    @Test
    public void theRuntimeHealthCheckReportsTheRuntimeHealthy() {
        Result result = healthChecks.execute(HealthCheckSelector.tags("homeward")).stream()
                .filter(r -> r.getHealthCheckMetadata().getName().equals("Homeward runtime")).findFirst()
                .orElseThrow().getHealthCheckResult();
        assertEquals(result.toString(), Result.Status.OK, result.getStatus());
    }

    @Test
    public void executingWithoutTagsRunsEveryHomewardCheckAndNoneShowsAStackTrace() {
        List<HealthCheckExecutionResult> results = healthChecks.execute(HealthCheckSelector.empty());
        Set<String> names = results.stream().map(r -> r.getHealthCheckMetadata().getName()).collect(Collectors.toSet());
        assertTrue(names.toString(), names.containsAll(Set.of("Homeward runtime", "Homeward reachability",
                "Homeward tunnels")));
        for (HealthCheckExecutionResult result : results) {
            for (ResultLog.Entry entry : result.getHealthCheckResult()) {
                assertFalse(entry.getMessage(), entry.getMessage().contains("\n") || entry.getException() != null);
            }
        }
    }

    @Test
    public void shellCommandsPrintIdentityAndProviders() throws Exception {
        String identityText = run("homeward:identity");
        assertTrue(identityText, identityText.contains(identity.ulaText()) && identityText.contains(identity.autoTunnelLabel()));
        String statusText = run("homeward:status");
        assertTrue(statusText, statusText.contains("all-in-one") && statusText.contains("aes-gcm-16")
                && statusText.contains("chacha20-poly1305"));
    }

    @Test
    public void theHomewardConsolePageShowsIdentityAndProviders() throws Exception {
        String url = "http://127.0.0.1:" + ShippedRuntime.consolePort(feature()) + "/system/console/homeward-network/runtime.json";
        assertEquals(401, Http.get(url, null, null).status());
        Http.Response page = Http.get(url, "admin", ShippedRuntime.consolePassword());
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("\"ula\":\"" + identity.ulaText() + "\"")
                && page.body().contains("\"name\":\"aes-gcm-16\""));
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        }
    }

    private String activeCryptoSuite() {
        return status.capabilities().stream().filter(c -> c.contract().equals(CryptoSuite.class.getName()))
                .findFirst().flatMap(CapabilityState::active).map(ProviderInfo::name).orElse("none");
    }

    private CryptoSuite frameworkChoice() {
        ServiceReference<CryptoSuite> ref = context.getServiceReference(CryptoSuite.class);
        return context.getService(ref);
    }

    private HostIdentity currentIdentity() {
        return context.getService(context.getServiceReference(HostIdentity.class));
    }

    private static void assertRoundTrip(CryptoSuite suite) throws Exception {
        byte[] keyMaterial = new byte[32 + suite.saltLength()];
        keyMaterial[0] = 7;
        PacketAead aead = suite.newAead(keyMaterial);
        byte[] plain = "an IPv6 packet".getBytes();
        byte[] aad = {0, 0, 0, 1, 0, 0, 0, 1};
        byte[] sealed = new byte[plain.length + suite.icvLength()];
        aead.seal(1, aad, aad.length, plain, 0, plain.length, sealed, 0);
        byte[] opened = new byte[plain.length];
        aead.open(1, aad, aad.length, sealed, 0, sealed.length, opened, 0);
        assertArrayEquals(plain, opened);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static void update(org.osgi.service.cm.Configuration config, String key, Object value) throws Exception {
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put(key, value);
        config.update(props);
    }

    /** Puts a configuration back as the Configurator or the defaults left it. */
    private static void restore(org.osgi.service.cm.Configuration config, Dictionary<String, Object> original) throws Exception {
        if (original == null) {
            config.delete();
        } else if (!config.getAttributes().contains(ConfigurationAttribute.READ_ONLY)) {
            config.update(original);
        }
    }
}
