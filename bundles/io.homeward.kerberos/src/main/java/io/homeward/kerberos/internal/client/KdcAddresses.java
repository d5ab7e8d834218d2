package io.homeward.kerberos.internal.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the KDC of one of the user's hosts listens: its ULA, which the tunnel reaches (docs/kerberos.md). */
@FunctionalInterface
interface KdcAddresses {

    /** @throws UnknownHostException when the host is not one of the user's, with a one-line reason */
    InetAddress kdcOf(String host) throws UnknownHostException;
}
