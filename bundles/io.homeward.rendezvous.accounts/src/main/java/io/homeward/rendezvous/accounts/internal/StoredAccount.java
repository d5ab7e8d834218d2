package io.homeward.rendezvous.accounts.internal;

import io.homeward.api.accounts.Account;
import io.homeward.api.auth.TsigKey;

/**
 * One user as kept on disk: the public facts and the key derived from the password, never the password.
 *
 * @param account the user, zone and dates
 * @param key     the TSIG key named after the zone
 */
record StoredAccount(Account account, TsigKey key) {
}
