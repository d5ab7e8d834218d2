package io.homeward.console.internal.rendezvous;

import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationStatus;
import io.homeward.kit.html.Html;
import io.homeward.kit.json.JsonWriter;

/**
 * What the Rendezvous page says on a runtime without the rendezvous: that it does not run here, and where this
 * host's rendezvous is as far as signing in and registering tell.
 *
 * @param zone   the user's zone this host signed in to, empty when not signed in
 * @param server the update server this host publishes on, empty while nothing is published
 */
record RendezvousElsewhere(Optional<String> zone, Optional<String> server) {
    static final String NOT_HERE = "The rendezvous does not run here.";

    /** Reads the sign-in and the registration; either may be null when its bundle is not running. */
    static RendezvousElsewhere of(Credentials credentials, RegistrationStatus registration) {
        return new RendezvousElsewhere(Optional.ofNullable(credentials).map(Credentials::zone),
                Optional.ofNullable(registration).flatMap(r -> r.state().registration()).map(Registration::server));
    }

    String text() {
        String where = server.map(s -> " This host's rendezvous is " + s + zone.map(z -> " (zone " + z + ")").orElse("")
                + ".").orElse(zone.map(z -> " This host is signed in to zone " + z + " and publishes nothing yet.")
                        .orElse(" This host is not signed in to a rendezvous (Settings)."));
        return NOT_HERE + where;
    }

    String json() {
        return new JsonWriter().beginObject().member("runsHere", false).member("zone", zone).member("server", server)
                .member("text", text()).endObject().toString();
    }

    String html() {
        return "<p class=\"statline\" id=\"rendezvous-elsewhere\">" + Html.escape(text()) + "</p>\n";
    }
}
