package io.homeward.console.internal.network;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.RegistrationState;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.text.Ipv6Text;

/** The registration section as JSON (RFC 8259): what is published, until when, and the last outcome. */
final class RegistrationJson {
    private RegistrationJson() {
    }

    static String render(RegistrationState state) {
        JsonWriter json = new JsonWriter();
        write(json, state);
        return json.toString();
    }

    static void write(JsonWriter json, RegistrationState state) {
        json.beginObject().name("published");
        state.registration().ifPresentOrElse(registration -> {
            HostRecordSet set = registration.records();
            json.beginObject().member("host", set.hostName()).member("zone", set.zone())
                    .member("ula", Ipv6Text.format(set.ula())).member("eui64", set.eui64().toString())
                    .member("endpoint", set.publicAddress().getHostAddress() + ":" + set.publicPort())
                    .member("server", registration.server())
                    .member("leaseExpires", registration.leaseExpires().toString()).endObject();
        }, json::nullValue);
        json.member("endpointSource", state.endpointSource()).member("lastResult", state.lastResult())
                .member("lastAttempt", state.lastAttempt()).member("nextAttempt", state.nextAttempt()).endObject();
    }
}
