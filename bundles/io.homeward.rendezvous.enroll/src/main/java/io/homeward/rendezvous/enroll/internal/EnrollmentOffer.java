package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.enroll.EnrolledMachine;
import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.NewInvite;
import io.homeward.api.enroll.PendingInvite;
import io.homeward.api.enroll.UserMachines;

/** {@link Enrollment} for the console: {@link Machines} and {@link InvitePreflights} in the contract's types. */
final class EnrollmentOffer implements Enrollment {
    private final Machines machines;
    private final InvitePreflights preflights;

    EnrollmentOffer(Machines machines, InvitePreflights preflights) {
        this.machines = machines;
        this.preflights = preflights;
    }

    @Override
    public List<UserMachines> users() {
        return machines.list(Optional.empty()).stream().map(u -> new UserMachines(u.account().user(),
                u.account().zone(), u.machines().stream().map(m -> new EnrolledMachine(m.host(),
                        m.key().map(EnrolledHost::enrolled), m.certificates())).toList(),
                u.invites().stream().map(EnrollmentOffer::pending).toList())).toList();
    }

    @Override
    public NewInvite invite(Optional<String> user, Optional<String> host, Duration validity)
            throws EnrollmentException {
        try {
            Machines.NewInvite made = machines.invite(user, host, validity);
            return new NewInvite(pending(made.invite()), made.account().zone(), made.code(), made.joinCommand());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new EnrollmentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new EnrollmentException("cannot store the invite: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean cancelInvite(String id) throws EnrollmentException {
        try {
            return machines.cancel(id);
        } catch (IOException e) {
            throw new EnrollmentException("cannot store the cancellation: " + e.getMessage(), e);
        }
    }

    @Override
    public String revoke(String host) throws EnrollmentException {
        try {
            return machines.revoke(host);
        } catch (IllegalArgumentException e) {
            throw new EnrollmentException(e.getMessage(), e);
        } catch (AccountException e) {
            throw new EnrollmentException("its certificates are revoked, but its host key could not be deleted: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public InvitePreflight preflight() {
        return preflights.check();
    }

    private static PendingInvite pending(Invite invite) {
        return new PendingInvite(invite.id(), invite.user(), invite.host(), invite.expires());
    }
}
