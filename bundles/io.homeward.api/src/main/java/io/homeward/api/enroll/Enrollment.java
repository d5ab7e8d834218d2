package io.homeward.api.enroll;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rendezvous' enrollment as a console uses it (docs/enrollment.md, "Invite codes" and "Revocation"). Every
 * method answers at once; a refused request throws {@link EnrollmentException} with one line a person can act on.
 *
 * @since 1.0
 */
@ProviderType
public interface Enrollment {

    /** Every user, by name, with the enrolled hosts and pending invites; never an invite's secret. */
    List<UserMachines> users();

    /**
     * Makes a one-time invite.
     *
     * @param user     whose machine it is for; empty for the only user there is
     * @param host     the host label it is for; empty for the joining machine's own name
     * @param validity how long it is good, 1 minute to 7 days
     */
    NewInvite invite(Optional<String> user, Optional<String> host, Duration validity) throws EnrollmentException;

    /** Ends a pending invite now, so no machine can join with it. Returns false if no pending invite has the id. */
    boolean cancelInvite(String id) throws EnrollmentException;

    /**
     * Revokes a host: its certificates, then its key.
     *
     * @param host {@code laptop.alice.members.example.}, or {@code laptop} when only one user has it
     * @return what was done, one line
     */
    String revoke(String host) throws EnrollmentException;

    /** Whether an invite made now would lead a machine elsewhere to this rendezvous, and what could fix it. */
    InvitePreflight preflight();
}
