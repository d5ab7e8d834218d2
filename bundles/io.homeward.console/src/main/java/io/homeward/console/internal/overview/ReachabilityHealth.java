package io.homeward.console.internal.overview;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;

/**
 * The overview's verdict and warnings as a health check result, so Felix Health Checks and the start page never
 * disagree: not reachable is CRITICAL, reachable only from the LAN and every warning WARN, reachable from the
 * Internet OK — whichever ranked provider gave the endpoint.
 */
final class ReachabilityHealth {
    private ReachabilityHealth() {
    }

    static Result of(OverviewFacts facts) {
        FormattingResultLog log = new FormattingResultLog();
        Verdict verdict = Verdict.of(facts);
        switch (verdict.reach()) {
            case NONE -> log.critical("{}", verdict.text());
            case LOCAL_NETWORK -> log.warn("{}", verdict.text());
            case INTERNET -> log.info("{}", verdict.text());
        }
        Warnings.of(facts).forEach(w -> log.warn("{} {}", w.problem(), w.action()));
        return new Result(log);
    }
}
