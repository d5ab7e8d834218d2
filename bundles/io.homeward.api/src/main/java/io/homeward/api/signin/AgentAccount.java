package io.homeward.api.signin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's sign-in at its rendezvous (docs/enrollment.md). Every operation answers one line a person can read;
 * a refusal is an {@link AccountActionException} whose message says why.
 *
 * @since 1.0
 */
@ProviderType
public interface AgentAccount {

    /** Who this host is signed in as, the last failure, its certificate and the rename under way or last done. */
    AccountState state();

    /**
     * Signs in with the user's password and enrolls the host; the caller clears {@code password}.
     *
     * @param server host:port of the rendezvous' DNS-over-TLS service; empty finds it by SRV
     * @param pin    SHA-256 fingerprint of its TLS certificate; empty accepts it the first time and logs it
     */
    String signIn(String zone, String user, char[] password, String server, String pin)
            throws AccountActionException;

    /** Joins the account an invite code names (docs/enrollment.md, "Invite codes"). */
    String join(String code) throws AccountActionException;

    /** Withdraws the credentials and removes what the sign-in stored. */
    String signOut() throws AccountActionException;

    /**
     * Renames this host (docs/enrollment.md, "Renaming a host"). The name is checked at once; an enrolled host then
     * asks its rendezvous in the background, and {@link AccountState#rename()} tells how it goes.
     *
     * @param name the new host label
     * @return what was started, in one line
     * @throws AccountActionException when the name is no DNS label, is the current one, or a rename is running
     */
    String rename(String name) throws AccountActionException;
}
