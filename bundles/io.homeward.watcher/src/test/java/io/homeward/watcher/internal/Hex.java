package io.homeward.watcher.internal;

import java.util.HexFormat;

/** Hex dumps as the protocol notes print them: byte pairs separated by spaces and line breaks. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
