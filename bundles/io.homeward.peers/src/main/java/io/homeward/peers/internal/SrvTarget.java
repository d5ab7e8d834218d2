package io.homeward.peers.internal;

/**
 * What an {@code _autotunnel._udp} SRV record tells: the public port and the name holding the public address.
 *
 * @param port   the public UDP port
 * @param target the absolute target name in lower case, empty for "." (RFC 2782: no service at this name)
 */
record SrvTarget(int port, String target) {
}
