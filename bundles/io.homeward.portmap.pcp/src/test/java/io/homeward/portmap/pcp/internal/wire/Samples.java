package io.homeward.portmap.pcp.internal.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** What the tests share: a PCP MAP response (RFC 6887 §11.4), hex dumps and addresses. */
public final class Samples {
    /** MAP of UDP 4500 granted as 203.0.113.7:61000 for 7200 s, epoch 3605, nonce a1 b2 … 5c. */
    public static final String PCP_MAP_RESPONSE = """
            0000  02 81 00 00 00 00 1c 20 00 00 0e 15 00 00 00 00
            0010  00 00 00 00 00 00 00 00 a1 b2 c3 d4 e5 f6 07 18
            0020  29 3a 4b 5c 11 00 00 00 11 94 ee 48 00 00 00 00
            0030  00 00 00 00 00 00 ff ff cb 00 71 07
            """;

    private Samples() {
    }

    /** The bytes of a hex dump (offsets, spaces and line breaks ignored). */
    public static byte[] bytes(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("(?m)^[0-9a-f]{4}  ", "").replaceAll("\\s", ""));
    }

    public static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
