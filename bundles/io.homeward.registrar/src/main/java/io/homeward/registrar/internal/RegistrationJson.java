package io.homeward.registrar.internal;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.kit.json.Json;
import io.homeward.kit.text.Ipv6Text;

/** The registrar's status as JSON (RFC 8259) for {@code /system/console/homeward-registration.json}. */
final class RegistrationJson {
    private RegistrationJson() {
    }

    static String render(RegistrationState state) {
        return "{\"published\":" + state.registration().map(RegistrationJson::published).orElse("null")
                + ",\"endpointSource\":" + Json.quote(state.endpointSource())
                + ",\"lastResult\":" + Json.quote(state.lastResult())
                + ",\"lastAttempt\":" + state.lastAttempt().map(t -> Json.quote(t.toString())).orElse("null")
                + ",\"nextAttempt\":" + state.nextAttempt().map(t -> Json.quote(t.toString())).orElse("null") + "}";
    }

    private static String published(Registration registration) {
        HostRecordSet set = registration.records();
        return "{\"host\":" + Json.quote(set.hostName()) + ",\"zone\":" + Json.quote(set.zone())
                + ",\"ula\":" + Json.quote(Ipv6Text.format(set.ula())) + ",\"eui64\":" + Json.quote(set.eui64().toString())
                + ",\"endpoint\":" + Json.quote(set.publicAddress().getHostAddress() + ":" + set.publicPort())
                + ",\"server\":" + Json.quote(registration.server())
                + ",\"leaseExpires\":" + Json.quote(registration.leaseExpires().toString()) + "}";
    }
}
