package io.homeward.rendezvous.accounts.internal;

import java.util.List;

import io.homeward.api.accounts.Account;
import io.homeward.kit.json.JsonWriter;

/** The accounts as JSON (RFC 8259) for {@code /system/console/homeward-accounts.json}; no key material. */
final class AccountsJson {
    private AccountsJson() {
    }

    static String render(String domain, List<Account> users) {
        JsonWriter json = new JsonWriter().beginObject().member("domain", domain).name("users").beginArray();
        users.forEach(a -> json.beginObject().member("user", a.user()).member("zone", a.zone())
                .member("created", a.created().toString()).member("passwordChanged", a.changed().toString())
                .endObject());
        return json.endArray().endObject().toString();
    }
}
