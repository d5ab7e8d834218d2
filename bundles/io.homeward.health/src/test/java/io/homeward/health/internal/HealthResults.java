package io.homeward.health.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;

/** A result's messages, in order, for assertions. */
final class HealthResults {
    private HealthResults() {
    }

    static List<String> messages(Result result) {
        List<String> messages = new ArrayList<>();
        for (ResultLog.Entry entry : result) {
            messages.add(entry.getMessage());
        }
        return messages;
    }
}
