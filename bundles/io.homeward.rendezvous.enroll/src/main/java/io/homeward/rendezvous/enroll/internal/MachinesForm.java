package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.homeward.api.accounts.AccountException;
import io.homeward.rendezvous.enroll.internal.Machines.NewInvite;

/** Carries out one posted form of the machines page: invite a machine or revoke a host. */
final class MachinesForm {
    static final String INVITE = "invite";
    static final String REVOKE = "revoke";

    private MachinesForm() {
    }

    static PageOutcome apply(Machines machines, String action, String user, String host, String validity) {
        try {
            switch (action == null ? "" : action) {
                case INVITE: {
                    Duration valid = blank(validity) ? InviteBook.DEFAULT_VALIDITY : Validity.parse(validity);
                    NewInvite made = machines.invite(blank(user) ? Optional.empty() : Optional.of(user.trim()),
                            blank(host) ? Optional.empty() : Optional.of(host.trim()), valid);
                    return new PageOutcome(true, "Invite for " + made.forWhom() + ", valid once until "
                            + made.invite().expires() + ".", made.code(), made.joinCommand());
                }
                case REVOKE:
                    return blank(host) ? PageOutcome.refused("Say which host to revoke.")
                            : PageOutcome.done(capitalised(machines.revoke(host)) + ".");
                default:
                    return PageOutcome.refused("Unknown action '" + action + "'; use the buttons on this page.");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return PageOutcome.refused(e.getMessage());
        } catch (IOException e) {
            return PageOutcome.refused("Cannot store the invite: " + e.getMessage());
        } catch (AccountException e) {
            return PageOutcome.refused("Its certificates are revoked, but its host key could not be deleted: "
                    + e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
