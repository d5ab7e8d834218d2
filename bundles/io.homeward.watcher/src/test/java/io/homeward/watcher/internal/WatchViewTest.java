package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.testkit.RecordingLogger;

class WatchViewTest {
    private final RecordingListener listener = new RecordingListener();
    private final WatchView view = new WatchView(listener, new RecordingLogger().logger());

    private static WatchedRecord aaaa(String address, long ttl) {
        return new WatchedRecord("Laptop.alice.btmm.example.", 28, ttl, address);
    }

    @Test
    void repeatedAddsAndRemovesAreReportedOnce() {
        view.add(aaaa("fd00::1", 120));
        view.add(aaaa("fd00::1", 60));
        view.remove(aaaa("fd00::1", 0));
        view.remove(aaaa("fd00::1", 0));
        view.remove(aaaa("fd00::9", 0));
        assertEquals(List.of("+fd00::1", "-fd00::1"), listener.events);
    }

    @Test
    void ownerNamesCompareWithoutCase() {
        view.add(aaaa("fd00::1", 120));
        view.remove(new WatchedRecord("laptop.ALICE.btmm.example.", 28, 0, "fd00::1"));
        assertEquals(List.of("+fd00::1", "-fd00::1"), listener.events);
    }

    @Test
    void aFreshFullSetEmitsOnlyTheDifferences() {
        view.replaceAll(List.of(aaaa("fd00::1", 120), aaaa("fd00::2", 120)));
        view.replaceAll(List.of(aaaa("fd00::2", 120), aaaa("fd00::3", 120)));
        assertEquals(List.of("+fd00::1", "+fd00::2", "-fd00::1", "+fd00::3"), listener.events);
        view.replaceAll(List.of());
        assertEquals(List.of("+fd00::1", "+fd00::2", "-fd00::1", "+fd00::3", "-fd00::2", "-fd00::3"), listener.events);
    }

    @Test
    void collectiveRemoveDropsEverythingSelected() {
        view.replaceAll(List.of(aaaa("fd00::1", 120), aaaa("fd00::2", 120)));
        view.removeIf(record -> record.type() == 28);
        assertEquals(List.of("+fd00::1", "+fd00::2", "-fd00::1", "-fd00::2"), listener.events);
    }

    @Test
    void aFailingListenerDoesNotStopTheView() {
        RecordingLogger log = new RecordingLogger();
        WatchView fragile = new WatchView(new RecordListener() {
            @Override
            public void added(WatchedRecord record) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void removed(WatchedRecord record) {
                throw new IllegalStateException("listener bug");
            }
        }, log.logger());
        fragile.add(aaaa("fd00::1", 120));
        fragile.add(aaaa("fd00::2", 120));
        fragile.remove(aaaa("fd00::1", 0));
        assertEquals(3, log.count(LogLevel.WARN, "listener failed"), "every change was still delivered");
    }

    /** A listener whose bundle cannot load a class it uses throws an Error; the other records still reach it. */
    @Test
    void aListenerMissingAClassIsLoggedAndHearsTheOtherRecords() {
        RecordingLogger log = new RecordingLogger();
        WatchView view = new WatchView(new RecordListener() {
            @Override
            public void added(WatchedRecord record) {
                if (record.rdata().equals("fd00::1")) {
                    throw new NoClassDefFoundError("io/homeward/kit/text/Ipv6Text");
                }
                listener.added(record);
            }

            @Override
            public void removed(WatchedRecord record) {
                listener.removed(record);
            }
        }, log.logger());
        view.replaceAll(List.of(aaaa("fd00::1", 120), aaaa("fd00::2", 120)));
        assertEquals(List.of("+fd00::2"), listener.events);
        assertEquals(1, log.count(LogLevel.WARN, "listener failed"));
    }
}
