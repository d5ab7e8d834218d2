package io.homeward.registrar.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;

/** The registrar's status as label/value rows, for the shell command. */
final class RegistrationText {
    private RegistrationText() {
    }

    static List<Map.Entry<String, String>> rows(RegistrationState state) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        if (state.registration().isEmpty()) {
            rows.add(Map.entry("Published", "nothing"));
        } else {
            Registration registration = state.registration().get();
            HostRecordSet set = registration.records();
            rows.add(Map.entry("Published", set.hostName() + " in " + set.zone() + " on " + registration.server()));
            rows.add(Map.entry("Lease expires", String.valueOf(registration.leaseExpires())));
            state.records().forEach(record -> rows.add(Map.entry("Record", record)));
            rows.add(Map.entry("Device info", new TreeMap<>(set.deviceInfo()).toString()));
        }
        rows.add(Map.entry("Endpoint from", state.endpointSource().isEmpty() ? "-" : state.endpointSource()));
        rows.add(Map.entry("Last result", state.lastResult()));
        rows.add(Map.entry("Last attempt", state.lastAttempt().map(Object::toString).orElse("never")));
        rows.add(Map.entry("Next attempt", state.nextAttempt().map(Object::toString).orElse("none scheduled")));
        return rows;
    }

    static String render(RegistrationState state) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> row : rows(state)) {
            text.append(String.format("%-14s %s%n", row.getKey() + ":", row.getValue()));
        }
        return text.toString();
    }
}
