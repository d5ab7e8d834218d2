package io.homeward.api.kerberos;

import java.time.Instant;

/**
 * Who a client is, as its ticket says.
 *
 * @param principal the client principal's text form, for example {@code alice@HOME.ALICE.MEMBERS.EXAMPLE}
 * @param user      the user's account name, for example {@code alice}
 * @param authTime  when the client authenticated to the KDC (its certificate's proof)
 * @param endTime   when its ticket ends
 * @since 1.0
 */
public record AuthenticatedClient(String principal, String user, Instant authTime, Instant endTime) {
}
