package io.homeward.identity.internal;

import java.util.Arrays;

/**
 * What the identity needs to know about one network interface.
 *
 * @param name     the interface name, for example {@code eth0}
 * @param up       whether the interface is up
 * @param loopback whether it is a loopback interface
 * @param virtual  whether it is a software device (bridge, veth, tun, sub-interface) rather than hardware
 * @param mac      its hardware address, empty when it has none
 */
record NetworkLink(String name, boolean up, boolean loopback, boolean virtual, byte[] mac) {

    NetworkLink {
        mac = mac == null ? new byte[0] : mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** A 48-bit MAC that is not all zeros can seed a modified EUI-64 (RFC 4291 Appendix A). */
    boolean hasUsableMac() {
        return mac.length == 6 && !Arrays.equals(mac, new byte[6]);
    }
}
