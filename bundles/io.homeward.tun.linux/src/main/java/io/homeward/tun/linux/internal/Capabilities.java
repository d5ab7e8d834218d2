package io.homeward.tun.linux.internal;

/** What this process may do to the network; the seam unit tests fake. */
interface Capabilities {

    /**
     * Whether the process surely lacks CAP_NET_ADMIN. False when it has it or when it cannot tell, in which
     * case the kernel's own refusal is reported instead.
     */
    boolean lacksNetAdmin();
}
