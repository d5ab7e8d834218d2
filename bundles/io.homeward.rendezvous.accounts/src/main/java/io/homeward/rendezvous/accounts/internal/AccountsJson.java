package io.homeward.rendezvous.accounts.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.homeward.api.accounts.Account;
import io.homeward.kit.json.Json;

/** The accounts as JSON (RFC 8259) for {@code /system/console/homeward-accounts.json}; no key material. */
final class AccountsJson {
    private AccountsJson() {
    }

    static String render(String domain, List<Account> users) {
        return "{\"domain\":" + Json.quote(domain) + ",\"users\":" + users.stream()
                .map(a -> "{\"user\":" + Json.quote(a.user()) + ",\"zone\":" + Json.quote(a.zone())
                        + ",\"created\":" + Json.quote(a.created().toString())
                        + ",\"passwordChanged\":" + Json.quote(a.changed().toString()) + "}")
                .collect(Collectors.joining(",", "[", "]")) + "}";
    }
}
