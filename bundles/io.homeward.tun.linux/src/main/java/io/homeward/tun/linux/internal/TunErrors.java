package io.homeward.tun.linux.internal;

import java.io.IOException;

/** Errors worded so an operator knows what to change. */
final class TunErrors {
    static final int EPERM = 1;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EINVAL = 22;

    private TunErrors() {
    }

    static IOException lacksNetAdmin(String name) {
        return new IOException(lacksNetAdminText(name));
    }

    static String lacksNetAdminText(String name) {
        return "cannot create TUN interface " + name
                + ": this process lacks CAP_NET_ADMIN (run as root or grant cap_net_admin)";
    }

    static IOException noTunDevice(String name, String path) {
        return new IOException("cannot create TUN interface " + name + ": " + path
                + " does not exist (load the tun kernel module with 'modprobe tun'; in a container pass the device"
                + " in, e.g. --device /dev/net/tun --cap-add NET_ADMIN)");
    }

    static IOException cannotOpen(String name, String path, String reason) {
        if (reason != null && reason.contains("Permission denied")) {
            return new IOException("cannot create TUN interface " + name + ": " + path
                    + " is not readable and writable by this process (run as root or make it mode 0666)");
        }
        return new IOException("cannot create TUN interface " + name + ": cannot open " + path + ": " + reason);
    }

    /** The TUNSETIFF refusals tun_set_iff() in drivers/net/tun.c gives. */
    static IOException setIff(String name, int errno, String reason) {
        return new IOException(switch (errno) {
            case EPERM, EACCES -> lacksNetAdminText(name);
            case EBUSY -> "cannot attach to TUN interface " + name
                    + ": another process has it open (stop that process or choose another interface name)";
            case EINVAL -> "cannot create TUN interface " + name
                    + ": an interface of that name exists and is not a TUN interface (choose another name)";
            default -> "cannot create TUN interface " + name + ": TUNSETIFF failed: " + reason + " (errno " + errno
                    + ")";
        });
    }

    /** A failed {@code ip} command; the kernel's EPERM means the same missing privilege as above. */
    static IOException failed(String step, IOException failure) {
        String reason = failure.getMessage();
        if (reason != null && reason.contains("Operation not permitted")) {
            return new IOException(step + ": this process lacks CAP_NET_ADMIN (run as root or grant cap_net_admin): "
                    + reason, failure);
        }
        return new IOException(step + ": " + reason, failure);
    }
}
