package io.homeward.api.signin;

import java.util.List;
import java.util.Optional;

/**
 * What the console shows of the sign-in.
 *
 * @param signedIn    who the host is signed in as; empty when it is not
 * @param lastError   the last failed sign-in, join or check, "" when the last one succeeded
 * @param certificate the host certificate's fields in the order a person reads them; empty without one
 * @param rename      the rename under way or last done
 * @since 1.0
 */
public record AccountState(Optional<SignedIn> signedIn, String lastError, List<Field> certificate,
        RenameState rename) {

    public AccountState {
        certificate = List.copyOf(certificate);
    }

    /** A named value, for example {@code Valid until}. */
    public record Field(String name, String value) {
    }
}
