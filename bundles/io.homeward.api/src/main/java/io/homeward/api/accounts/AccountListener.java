package io.homeward.api.accounts;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener for account changes, for example to create and drop user zones. */
@ConsumerType
public interface AccountListener {

    void accountAdded(Account account);

    void accountRemoved(Account account);

    /**
     * The user's password, and so its master key, changed; hosts with keys of their own are not affected.
     *
     * @since 2.1
     */
    default void passwordChanged(Account account) {
    }

    /**
     * A host received a key of its own (a first enrollment or a replacement).
     *
     * @since 2.1
     */
    default void hostEnrolled(EnrolledHost host) {
    }

    /**
     * A host's key was deleted (revocation): remove what the host published and close what it subscribed to.
     *
     * @since 2.1
     */
    default void hostRemoved(EnrolledHost host) {
    }
}
