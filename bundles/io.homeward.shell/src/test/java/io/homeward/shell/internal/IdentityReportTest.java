package io.homeward.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.TestHostIdentity;

class IdentityReportTest {

    @Test
    void showsNameEui64WithSourceUlaAndLabel() {
        assertEquals("""
                Host name:   alice-mbp
                EUI-64:      02-1B-63-FF-FE-84-5A-0C (from interface eth0)
                ULA:         fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c
                AutoTunnel:  AutoTunnel-02-1B-63-FF-FE-84-5A-0C
                """, IdentityReport.of(TestHostIdentity.example("eth0", "alice-mbp")));
    }

    @Test
    void aRandomIdentifierIsCalledThat() {
        assertTrue(IdentityReport.of(TestHostIdentity.example("random", "alice-mbp")).contains("(random, no interface had a usable MAC)"));
    }

    @Test
    void saysWhenNoIdentityIsInstalled() {
        assertEquals(IdentityReport.NO_IDENTITY, IdentityReport.of(null));
    }
}
