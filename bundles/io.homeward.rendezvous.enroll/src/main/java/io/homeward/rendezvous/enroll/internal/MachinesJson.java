package io.homeward.rendezvous.enroll.internal;

import java.util.List;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.json.JsonWriter;
import io.homeward.rendezvous.enroll.internal.Machines.Machine;
import io.homeward.rendezvous.enroll.internal.Machines.UserMachines;

/**
 * The machines as JSON (RFC 8259) for {@code /system/console/homeward-machines.json}: per user the enrolled hosts
 * with their certificates and the pending invites, never an invite's secret or code.
 */
final class MachinesJson {
    private MachinesJson() {
    }

    static String render(List<UserMachines> users) {
        JsonWriter json = new JsonWriter().beginObject().name("users").beginArray();
        for (UserMachines u : users) {
            json.beginObject().member("user", u.account().user()).member("zone", u.account().zone())
                    .name("machines").beginArray();
            u.machines().forEach(m -> machine(json, m, u));
            json.endArray().name("invites").beginArray();
            u.invites().forEach(i -> json.beginObject().member("id", i.id()).member("for", i.hostText())
                    .member("expires", i.expires().toString()).endObject());
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void machine(JsonWriter json, Machine m, UserMachines user) {
        json.beginObject().member("host", m.host() + "." + user.account().zone())
                .member("keySince", m.key().map(k -> k.enrolled().toString())).name("certificates").beginArray();
        for (HostCertificate c : m.certificates()) {
            json.beginObject().member("serial", c.serial().toString(16)).member("notAfter", c.notAfter().toString())
                    .member("revoked", c.revoked().map(Object::toString)).endObject();
        }
        json.endArray().endObject();
    }
}
