package io.homeward.itests.netlab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's netcheck JSON ({@code /system/console/homeward-network/netcheck.json}), read for the fields the lab
 * tests check: which mapper holds the tunnel port's mapping and the public endpoint it gives.
 */
record NetcheckDocument(String json) {
    private static final Pattern MAPPER = Pattern.compile("\"mapping\":\\{\"mapper\":\"([^\"]*)\"");
    private static final Pattern EXTERNAL_ADDRESS = Pattern.compile("\"externalAddress\":\"([^\"]*)\"");
    private static final Pattern EXTERNAL_PORT = Pattern.compile("\"mapping\":\\{[^}]*\"externalPort\":(\\d+)");

    /** The mapper holding the mapping, or null when there is none. */
    String mapper() {
        return field(MAPPER);
    }

    /** {@code address:port} the laptop sends to, or null without a mapping. */
    String publicEndpoint() {
        String address = field(EXTERNAL_ADDRESS);
        String port = field(EXTERNAL_PORT);
        return address == null || port == null ? null : address + ":" + port;
    }

    private String field(Pattern p) {
        Matcher m = p.matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
