package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GuardLedgerTest {
    private final GuardLedger ledger = new GuardLedger();

    @Test
    void aQuietWindowLogsNothing() {
        ledger.changeAccepted();
        assertEquals(Optional.empty(), ledger.closeWindow("last 60 s"));
    }

    @Test
    void aFloodIsOneSummaryLine() {
        for (int i = 0; i < 500; i++) {
            ledger.loginFailed("192.0.2.7");
            ledger.refusedWhilePenalised();
        }
        ledger.loginFailed("192.0.2.8");
        ledger.changeRefused(new GuardLedger.RefusedChange(Instant.EPOCH, Refusal.CROSS_ORIGIN, "POST",
                "/system/console/bundles/12", "192.0.2.9", "Origin http://evil.example"));
        assertEquals(Optional.of("Console guard, last 60 s: 501 failed logins from 2 addresses (most: 500 from 192.0.2.7), "
                + "500 logins refused while penalised, 1 changes refused (last: POST /system/console/bundles/12 from 192.0.2.9 "
                + "(Origin http://evil.example): " + Refusal.CROSS_ORIGIN.text() + ")"), ledger.closeWindow("last 60 s"));
        assertEquals(Optional.empty(), ledger.closeWindow("last 60 s"), "the next window starts empty");
    }

    @Test
    void addressesBeyondTheBoundAreCountedTogether() {
        for (int i = 0; i < GuardLedger.ADDRESSES + 5; i++) {
            ledger.loginFailed("10.0." + (i / 256) + "." + (i % 256));
        }
        String line = ledger.closeWindow("last 60 s").orElseThrow();
        assertTrue(line.startsWith("Console guard, last 60 s: 1005 failed logins from 1000 addresses and more"), line);
    }

    @Test
    void totalsOutliveTheWindows() {
        ledger.changeAccepted();
        ledger.changeRefused(new GuardLedger.RefusedChange(Instant.parse("2026-01-01T00:00:00Z"), Refusal.NO_TOKEN, "POST",
                "/system/console/configMgr/x", "127.0.0.1", null));
        ledger.loginFailed("127.0.0.1");
        ledger.closeWindow("last 60 s");
        assertEquals("changes accepted: 1\nchanges refused: 0 cross-origin, 1 without token\n"
                + "last refused: 2026-01-01T00:00:00Z POST /system/console/configMgr/x from 127.0.0.1: " + Refusal.NO_TOKEN.text()
                + "\nfailed logins: 1\nlogins refused while penalised: 0\n", ledger.totals());
    }
}
