package io.homeward.embedded.internal;

import java.util.Random;

/** Passwords a newcomer can type: letters and digits without look-alikes (0/O, 1/l/I). */
final class RandomPassword {
    static final int LENGTH = 20;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private RandomPassword() {
    }

    static char[] generate(Random random) {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
