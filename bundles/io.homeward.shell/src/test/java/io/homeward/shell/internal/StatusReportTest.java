package io.homeward.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.TestRuntimeStatus;

class StatusReportTest {

    @Test
    void listsEveryCapabilityWithItsProvidersAndMarksTheOneInUse() {
        assertEquals("""
                Feature: all-in-one
                Providers per capability (* = in use):
                crypto suite
                  * aes-gcm-16  (bundle io.homeward.crypto.aesgcm, ranking 200)
                    chacha20-poly1305  (bundle io.homeward.crypto.chacha20, ranking 100)
                port mapping
                    none installed
                """, StatusReport.of(TestRuntimeStatus.example()));
    }

    @Test
    void saysWhenTheRuntimeStatusIsMissing() {
        assertEquals(StatusReport.NO_RUNTIME, StatusReport.of(null));
    }
}
