package io.homeward.kit.pem;

import java.util.Arrays;

/** One PEM block (RFC 7468 §2): its label, such as {@code CERTIFICATE}, and the DER it carries. */
public record PemBlock(String label, byte[] der) {

    /** Overwrites the DER with zeros, once a block that held a private key has been read. */
    public void wipe() {
        Arrays.fill(der, (byte) 0);
    }
}
