package io.homeward.api.enroll;

import java.util.List;
import java.util.Objects;

/**
 * One user's enrolled hosts and pending invites.
 *
 * @param user     the user name
 * @param zone     the user's zone, absolute, for example {@code alice.members.example.}
 * @param machines the enrolled hosts, by label
 * @param invites  the pending invites, soonest to expire first
 * @since 1.0
 */
public record UserMachines(String user, String zone, List<EnrolledMachine> machines, List<PendingInvite> invites) {

    public UserMachines {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(zone, "zone");
        machines = List.copyOf(machines);
        invites = List.copyOf(invites);
    }
}
