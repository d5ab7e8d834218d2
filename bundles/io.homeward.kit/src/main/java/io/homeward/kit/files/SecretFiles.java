package io.homeward.kit.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Text only its owner may read ({@link AtomicFiles#OWNER_ONLY}), such as a password: written atomically, and
 * every copy of it this class makes on the way is wiped.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Writes {@code text} as UTF-8, creating the parent directories owner-only ({@link PrivateDirectories}). */
    public static void write(Path file, char[] text) throws IOException {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        writeThenWipe(file, bytes);
    }

    /**
     * Writes {@code secret}, such as a PEM private key, creating the parent directories owner-only
     * ({@link PrivateDirectories}), then overwrites {@code secret} with zeros, whether the write succeeded or not.
     */
    public static void writeThenWipe(Path file, byte[] secret) throws IOException {
        try {
            PrivateDirectories.create(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, secret, AtomicFiles.OWNER_ONLY);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The first line of the file, without its line end. */
    public static char[] readFirstLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        char[] line = Arrays.copyOf(chars.array(), end);
        Arrays.fill(chars.array(), '\0');
        return line;
    }
}
