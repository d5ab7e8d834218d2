package io.homeward.kit.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cases each console page (Homeward, rendezvous, netcheck, peers, registration) relies on. */
class JsonRequestsTest {
    @Test
    void jsonIsChosenByExtensionOrParameter() {
        assertTrue(JsonRequests.wanted("/homeward.json", null, null));
        assertTrue(JsonRequests.wanted("/homeward", "/system/console/homeward.json", null));
        assertTrue(JsonRequests.wanted("/homeward", "/system/console/homeward", "json"));
        assertTrue(JsonRequests.wanted(null, "/system/console/homeward-netcheck.json", null));
        assertTrue(JsonRequests.wanted(null, "/system/console/homeward-peers.json", null));
        assertFalse(JsonRequests.wanted("/homeward", "/system/console/homeward", null));
        assertFalse(JsonRequests.wanted(null, "/system/console/homeward-peers", null));
        assertFalse(JsonRequests.wanted(null, null, "html"));
    }
}
