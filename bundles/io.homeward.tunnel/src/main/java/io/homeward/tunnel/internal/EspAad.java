package io.homeward.tunnel.internal;

/** The additional authenticated data of ESP with an AEAD (RFC 4106 §5, RFC 7634 §2.1). */
final class EspAad {
    private EspAad() {
    }

    /**
     * Writes SPI ‖ sequence high ‖ sequence low (12 octets) with Extended Sequence Numbers, else SPI ‖ sequence
     * (8 octets), into {@code aad}.
     *
     * @return the AAD's length
     */
    static int fill(byte[] aad, int spi, long sequence, boolean esn) {
        Bytes.putInt(aad, 0, spi);
        if (esn) {
            Bytes.putLong(aad, 4, sequence);
            return 12;
        }
        Bytes.putInt(aad, 4, (int) sequence);
        return 8;
    }
}
