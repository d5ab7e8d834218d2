package io.homeward.netwatch.internal;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One interface as a snapshot sees it.
 *
 * @param name      the interface name, for example {@code eth0}
 * @param up        whether it is up and carries traffic (administratively up, with carrier)
 * @param addresses its addresses as {@code address/prefix}, IPv6 link-local ones left out
 */
record InterfaceState(String name, boolean up, SortedSet<String> addresses) {
    InterfaceState {
        addresses = new TreeSet<>(addresses);
    }
}
