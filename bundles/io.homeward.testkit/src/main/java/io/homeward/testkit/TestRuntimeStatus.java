package io.homeward.testkit;

import java.util.List;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.runtime.RuntimeStatus;

/** A runtime status that stays as the test made it. */
public record TestRuntimeStatus(String feature, List<CapabilityState> capabilities) implements RuntimeStatus {

    /** The all-in-one runtime with both crypto suites (AES-GCM in use) and no port mapper. */
    public static TestRuntimeStatus example() {
        return new TestRuntimeStatus("all-in-one", List.of(
                new CapabilityState("io.homeward.api.crypto.CryptoSuite", "crypto suite", List.of(
                        new ProviderInfo("aes-gcm-16", "io.homeward.crypto.aesgcm", 41, 200, true),
                        new ProviderInfo("chacha20-poly1305", "io.homeward.crypto.chacha20", 42, 100, false))),
                new CapabilityState("io.homeward.api.portmap.PortMapper", "port mapping", List.of())));
    }
}
