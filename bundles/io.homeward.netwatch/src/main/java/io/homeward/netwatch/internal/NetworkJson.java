package io.homeward.netwatch.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.kit.json.Json;

/** The network status as JSON (RFC 8259) for {@code /system/console/homeward-network-watch.json}. */
final class NetworkJson {
    private NetworkJson() {
    }

    static String render(NetworkStatus status) {
        return "{\"source\":" + Json.quote(status.source()) + ",\"interfaces\":" + status.snapshot().interfaces().values()
                .stream().map(i -> "{\"name\":" + Json.quote(i.name()) + ",\"up\":" + i.up() + ",\"addresses\":"
                        + Json.quoteAll(List.copyOf(i.addresses())) + "}")
                .collect(Collectors.joining(",", "[", "]"))
                + ",\"defaultRoutes\":" + Json.quoteAll(status.snapshot().defaultRoutes())
                + ",\"lastChanges\":" + status.lastChanges().stream().map(NetworkJson::change)
                        .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String change(NetworkChange c) {
        return "{\"seen\":" + Json.quote(c.seen().toString()) + ",\"kind\":" + Json.quote(c.kind().name())
                + ",\"interface\":" + c.interfaceName().map(Json::quote).orElse("null")
                + ",\"detail\":" + Json.quote(c.detail()) + "}";
    }
}
