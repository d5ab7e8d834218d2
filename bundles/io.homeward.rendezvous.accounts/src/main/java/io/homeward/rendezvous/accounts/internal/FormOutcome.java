package io.homeward.rendezvous.accounts.internal;

import java.io.Serializable;

/**
 * What a console form did, shown once on the next page view.
 *
 * @param ok      false for a refused or failed change
 * @param message what happened, in words for the operator
 */
record FormOutcome(boolean ok, String message) implements Serializable {
}
