package io.homeward.signin.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads an unattended host's password file: its first line, without the line end; the file is never copied. */
final class PasswordFile {

    private PasswordFile() {
    }

    static char[] read(Path file) throws SignInException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignInException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        char[] password = Arrays.copyOf(chars.array(), end);
        Arrays.fill(chars.array(), '\0');
        if (password.length == 0) {
            throw new SignInException("the password file " + file + " is empty");
        }
        return password;
    }
}
