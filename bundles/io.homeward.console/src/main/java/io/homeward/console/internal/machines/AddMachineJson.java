package io.homeward.console.internal.machines;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.PendingInvite;
import io.homeward.api.enroll.UserMachines;
import io.homeward.kit.json.JsonWriter;

/**
 * The add-a-machine page as JSON for scripts: {@code rendezvous} (whether it runs here), {@code preflight} (null
 * when it does not: {@code ready}, {@code addresses}, the ports, {@code checks} with {@code subject}, {@code found}
 * and {@code ok}, and {@code candidates}) and {@code invites} (pending, never a code or secret).
 */
final class AddMachineJson {
    private AddMachineJson() {
    }

    static String render(Optional<InvitePreflight> preflight, List<UserMachines> users) {
        JsonWriter json = new JsonWriter().beginObject().member("rendezvous", preflight.isPresent()).name("preflight");
        preflight.ifPresentOrElse(p -> {
            json.beginObject().member("ready", p.ready()).member("addresses", texts(p.addresses()))
                    .member("dnsPort", p.dnsPort()).member("tlsPort", p.tlsPort()).member("estPort", p.estPort())
                    .member("stunPort", p.stunPort()).name("checks").beginArray();
            p.checks().forEach(c -> json.beginObject().member("subject", c.subject()).member("found", c.found())
                    .member("ok", c.ok()).endObject());
            json.endArray().member("candidates", texts(p.candidates())).endObject();
        }, json::nullValue);
        json.name("invites").beginArray();
        for (UserMachines user : users) {
            for (PendingInvite i : user.invites()) {
                json.beginObject().member("id", i.id()).member("user", i.user()).member("host", i.host())
                        .member("expires", i.expires().toString()).endObject();
            }
        }
        return json.endArray().endObject().toString();
    }

    private static List<String> texts(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
}
