package io.homeward.console.guard.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the guard refused and counted: totals since the start, for the report, and a window since the last log
 * summary, so a flood of attempts costs one log line per interval rather than one per attempt. The window keeps
 * per-address counts for at most {@link #ADDRESSES} addresses; later ones are counted as "other addresses".
 */
final class GuardLedger {
    static final int ADDRESSES = 1_000;

    /** The last refused change, as the report and the summary show it. */
    record RefusedChange(Instant when, Refusal why, String method, String path, String address, String origin) {
        String text() {
            return method + " " + path + " from " + address + (origin == null ? "" : " (" + origin + ")") + ": " + why.text();
        }
    }

    private final Map<Refusal, Long> refusedTotal = new EnumMap<>(Refusal.class);
    private long changesAccepted;
    private long failedLoginsTotal;
    private long penalisedTotal;
    private RefusedChange lastRefused;

    private long refusedInWindow;
    private long penalisedInWindow;
    private long otherAddressFailures;
    private final Map<String, Long> failuresInWindow = new HashMap<>();

    synchronized void changeAccepted() {
        changesAccepted++;
    }

    synchronized void changeRefused(RefusedChange refused) {
        refusedTotal.merge(refused.why(), 1L, Long::sum);
        refusedInWindow++;
        lastRefused = refused;
    }

    synchronized void loginFailed(String address) {
        failedLoginsTotal++;
        if (failuresInWindow.containsKey(address) || failuresInWindow.size() < ADDRESSES) {
            failuresInWindow.merge(address, 1L, Long::sum);
        } else {
            otherAddressFailures++;
        }
    }

    synchronized void refusedWhilePenalised() {
        penalisedTotal++;
        penalisedInWindow++;
    }

    /** The summary of the window (empty when nothing happened in it), and a new window begins. */
    synchronized Optional<String> closeWindow(String period) {
        long failed = failuresInWindow.values().stream().mapToLong(Long::longValue).sum() + otherAddressFailures;
        if (failed == 0 && penalisedInWindow == 0 && refusedInWindow == 0) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder("Console guard, ").append(period).append(": ");
        line.append(failed).append(" failed logins");
        if (failed > 0) {
            Map.Entry<String, Long> most = failuresInWindow.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            int addresses = failuresInWindow.size();
            line.append(" from ").append(addresses).append(addresses == 1 ? " address" : " addresses")
                    .append(otherAddressFailures > 0 ? " and more" : "")
                    .append(" (most: ").append(most.getValue()).append(" from ").append(most.getKey()).append(')');
        }
        line.append(", ").append(penalisedInWindow).append(" logins refused while penalised, ")
                .append(refusedInWindow).append(" changes refused");
        if (refusedInWindow > 0) {
            line.append(" (last: ").append(lastRefused.text()).append(')');
        }
        failuresInWindow.clear();
        otherAddressFailures = 0;
        penalisedInWindow = 0;
        refusedInWindow = 0;
        return Optional.of(line.toString());
    }

    /** Totals since the start, one fact a line. */
    synchronized String totals() {
        return "changes accepted: " + changesAccepted + "\n"
                + "changes refused: " + refusedTotal.getOrDefault(Refusal.CROSS_ORIGIN, 0L) + " cross-origin, "
                + refusedTotal.getOrDefault(Refusal.NO_TOKEN, 0L) + " without token\n"
                + "last refused: " + (lastRefused == null ? "none" : lastRefused.when() + " " + lastRefused.text()) + "\n"
                + "failed logins: " + failedLoginsTotal + "\n"
                + "logins refused while penalised: " + penalisedTotal + "\n";
    }
}
