package io.homeward.console.internal.settings;

import java.util.Optional;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.signin.AccountState;
import io.homeward.api.signin.AgentAccount;

/**
 * What the Settings page shows, read once per request from the contracts that are there.
 *
 * @param hostName this host's name; empty without a host identity
 * @param ula      its ULA, "" without a host identity
 * @param account  the sign-in; empty when the sign-in bundle is not running (a rendezvous-only runtime)
 */
record SettingsFacts(Optional<String> hostName, String ula, Optional<AccountState> account) {

    static SettingsFacts read(HostIdentity identity, AgentAccount account) {
        return new SettingsFacts(Optional.ofNullable(identity).map(HostIdentity::hostName),
                identity == null ? "" : identity.ulaText(), Optional.ofNullable(account).map(AgentAccount::state));
    }
}
