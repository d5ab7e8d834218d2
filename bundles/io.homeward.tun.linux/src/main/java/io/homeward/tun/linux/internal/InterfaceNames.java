package io.homeward.tun.linux.internal;

import java.util.regex.Pattern;

/**
 * Interface names this provider accepts: at most 15 characters (IFNAMSIZ less the NUL) from a set that
 * needs no quoting anywhere, a subset of what the kernel's dev_valid_name() allows.
 */
final class InterfaceNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private InterfaceNames() {
    }

    static String check(String name) {
        if (name == null || !VALID.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a usable interface name: give 1 to 15 letters,"
                    + " digits, '.', '-' or '_', for example homeward0");
        }
        return name;
    }
}
