package io.homeward.console.internal.network;

import java.util.TreeMap;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;
import io.homeward.console.internal.Cells;

/** The registration section as HTML: what is published and until when, the last outcome; every value escaped. */
final class RegistrationHtml {
    private RegistrationHtml() {
    }

    static String render(RegistrationState state) {
        StringBuilder s = new StringBuilder("<table class=\"tablelayout nicetable\"><tbody>\n");
        if (state.registration().isEmpty()) {
            Cells.row(s, "Published", "nothing");
        } else {
            Registration registration = state.registration().get();
            HostRecordSet set = registration.records();
            Cells.row(s, "Published", set.hostName() + " in " + set.zone() + " on " + registration.server());
            Cells.row(s, "Lease expires", registration.leaseExpires().toString());
            state.records().forEach(record -> Cells.row(s, "Record", record));
            Cells.row(s, "Device info", new TreeMap<>(set.deviceInfo()).toString());
        }
        Cells.row(s, "Endpoint from", state.endpointSource().isEmpty() ? "-" : state.endpointSource());
        Cells.row(s, "Last result", state.lastResult());
        Cells.row(s, "Last attempt", state.lastAttempt().map(Object::toString).orElse("never"));
        Cells.row(s, "Next attempt", state.nextAttempt().map(Object::toString).orElse("none scheduled"));
        return s.append("</tbody></table>\n").toString();
    }
}
