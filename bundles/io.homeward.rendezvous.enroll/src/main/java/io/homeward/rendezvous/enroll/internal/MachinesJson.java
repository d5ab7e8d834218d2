package io.homeward.rendezvous.enroll.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.json.Json;
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
        return "{\"users\":" + array(users, u -> "{\"user\":" + Json.quote(u.account().user()) + ",\"zone\":"
                + Json.quote(u.account().zone()) + ",\"machines\":" + array(u.machines(), m -> machine(m, u))
                + ",\"invites\":" + array(u.invites(), i -> "{\"id\":" + Json.quote(i.id()) + ",\"for\":"
                        + Json.quote(i.hostText()) + ",\"expires\":" + Json.quote(i.expires().toString()) + "}") + "}")
                + "}";
    }

    private static String machine(Machine m, UserMachines user) {
        return "{\"host\":" + Json.quote(m.host() + "." + user.account().zone()) + ",\"keySince\":"
                + m.key().map(k -> Json.quote(k.enrolled().toString())).orElse("null") + ",\"certificates\":"
                + array(m.certificates(), MachinesJson::certificate) + "}";
    }

    private static String certificate(HostCertificate c) {
        return "{\"serial\":" + Json.quote(c.serial().toString(16)) + ",\"notAfter\":" + Json.quote(c.notAfter().toString())
                + ",\"revoked\":" + c.revoked().map(r -> Json.quote(r.toString())).orElse("null") + "}";
    }

    private static <T> String array(List<T> items, java.util.function.Function<T, String> render) {
        return items.stream().map(render).collect(Collectors.joining(",", "[", "]"));
    }
}
