package io.homeward.ike.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Concatenation of the octet strings the key derivations feed their PRF. */
final class Bytes {
    private Bytes() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] spi(long spi) {
        return ByteBuffer.allocate(8).putLong(spi).array();
    }
}
