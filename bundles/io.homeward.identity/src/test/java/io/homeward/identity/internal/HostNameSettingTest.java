package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.RecordingLogger;

class HostNameSettingTest {
    private final RecordingLogger log = new RecordingLogger();
    private final HostNameSetting setting = new HostNameSetting("machine", log.logger());

    @Test
    void startsWithTheMachineName() {
        assertEquals("machine", setting.current());
    }

    @Test
    void aValidConfiguredNameIsUsed() {
        setting.apply("alice-mbp");
        assertEquals("alice-mbp", setting.current());
    }

    @Test
    void anInvalidNameIsRefusedWithOneLineAndTheLastGoodNameStays() {
        setting.apply("studio");
        setting.apply("my host");
        assertEquals("studio", setting.current());
        assertEquals(1, log.messages(LogLevel.ERROR).size());
        String line = log.messages(LogLevel.ERROR).get(0);
        assertTrue(line.contains("io.homeward.identity") && line.contains("hostName") && line.contains("'my host'")
                && line.contains("letters, digits and inner hyphens"), line);
    }

    @Test
    void clearingTheNameReturnsToTheMachineName() {
        setting.apply("studio");
        setting.apply("");
        assertEquals("machine", setting.current());
    }
}
