package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** One PEM block (RFC 7468 §2): a label, base64 lines of 64 characters, and the matching end line. */
final class Pem {
    private static final byte[] LINE_END = {'\n'};

    private Pem() {
    }

    static byte[] encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, LINE_END).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The DER of the first block labelled {@code label}; text around it is ignored, as RFC 7468 §2 allows. */
    static byte[] decode(String label, byte[] pem) throws IOException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = text.indexOf(begin);
        int stop = start < 0 ? -1 : text.indexOf(end, start);
        if (stop < 0) {
            throw new IOException("no PEM " + label + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), stop));
        } catch (IllegalArgumentException e) {
            throw new IOException("the PEM " + label + " block is not base64: " + e.getMessage(), e);
        }
    }
}
