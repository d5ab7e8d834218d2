package io.homeward.console.internal.settings;

import io.homeward.api.signin.AccountState;
import io.homeward.api.signin.RenameState;
import io.homeward.kit.json.JsonWriter;

/**
 * The Settings page as JSON (RFC 8259) for scripts ({@code homeward-settings.json}): this host's name and ULA, who it
 * is signed in as ({@code signedIn}, null when nobody), the last error, the certificate's fields and the rename;
 * never key material. {@code account} is false when the runtime has no sign-in.
 */
final class SettingsJson {
    private SettingsJson() {
    }

    static String render(SettingsFacts facts) {
        JsonWriter json = new JsonWriter().beginObject().member("hostName", facts.hostName());
        json.member("ula", facts.ula()).member("account", facts.account().isPresent()).name("signedIn");
        AccountState account = facts.account().orElse(null);
        if (account == null || account.signedIn().isEmpty()) {
            json.nullValue();
        } else {
            account.signedIn().ifPresent(i -> {
                json.beginObject().member("user", i.user()).member("zone", i.zone()).member("hostKey", i.hostKey())
                        .member("host", i.host()).member("since", i.since().toString()).member("server", i.server()).member("pin", i.pin())
                        .endObject();
            });
        }
        json.member("lastError", account == null ? "" : account.lastError()).name("certificate").beginArray();
        if (account != null) {
            account.certificate().forEach(f -> json.beginObject().member("name", f.name()).member("value", f.value())
                    .endObject());
        }
        RenameState rename = account == null ? RenameState.IDLE : account.rename();
        json.endArray().name("rename").beginObject().member("phase", rename.phase().name()).member("from", rename.from())
                .member("to", rename.to()).member("message", rename.message()).member("changed", rename.changed());
        return json.endObject().endObject().toString();
    }
}
