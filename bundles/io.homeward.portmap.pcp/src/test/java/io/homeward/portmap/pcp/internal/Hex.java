package io.homeward.portmap.pcp.internal;

import java.util.HexFormat;

/** Hex dumps as the protocol document prints them (spaces and line breaks ignored). */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("(?m)^[0-9a-f]{4}  ", "").replaceAll("\\s", ""));
    }
}
