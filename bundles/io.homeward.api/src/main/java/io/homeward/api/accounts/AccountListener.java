package io.homeward.api.accounts;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener for account changes, for example to create and drop user zones. */
@ConsumerType
public interface AccountListener {

    void accountAdded(Account account);

    void accountRemoved(Account account);
}
