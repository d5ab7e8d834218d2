package io.homeward.rendezvous.enroll.internal;

import java.io.Serializable;

/**
 * What a form of the machines page did, shown once on the next page view.
 *
 * @param ok      false for a refused or failed change
 * @param message what happened, in words for the operator
 * @param code    the invite code made, or null
 * @param command what the new machine runs, or null
 */
record PageOutcome(boolean ok, String message, String code, String command) implements Serializable {
    private static final long serialVersionUID = 1L;

    static PageOutcome done(String message) {
        return new PageOutcome(true, message, null, null);
    }

    static PageOutcome refused(String message) {
        return new PageOutcome(false, message, null, null);
    }
}
