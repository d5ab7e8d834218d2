package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the effective capability set from the {@code CapEff:} line of {@code /proc/self/status} (proc(5)). */
final class ProcStatusCapabilities implements Capabilities {
    /** CAP_NET_ADMIN's bit number, from linux/capability.h. */
    static final int CAP_NET_ADMIN = 12;

    private final Path status;

    ProcStatusCapabilities(Path status) {
        this.status = status;
    }

    @Override
    public boolean lacksNetAdmin() {
        try {
            return lacksNetAdmin(Files.readAllLines(status));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean lacksNetAdmin(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("CapEff:")) {
                try {
                    long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    return (effective & (1L << CAP_NET_ADMIN)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
