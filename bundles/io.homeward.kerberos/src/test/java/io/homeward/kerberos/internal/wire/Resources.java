package io.homeward.kerberos.internal.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The captured messages under src/test/resources/io/homeward/kerberos/internal/wire/mit (see the README there). */
public final class Resources {
    private Resources() {
    }

    public static byte[] mit(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("mit/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no resource mit/" + name + ".hex");
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
