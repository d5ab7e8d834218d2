package io.homeward.watcher.internal;

import java.util.HexFormat;

/** Hex dumps as the test vectors print them: byte pairs separated by spaces and line breaks. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("\\s+", ""));
    }

    public static String of(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
