package io.homeward.itests;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One text per address, so records compare whatever form the server wrote them in. Plain JDK: test code runs in the
 * Pax Exam probe, which sees only the runtime's exported packages, and the kit (with its RFC 5952 formatter) is
 * inlined into the bundles, not exported.
 */
final class AddressText {
    private AddressText() {
    }

    static String of(String address) {
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    static String of(InetAddress address) {
        return address.getHostAddress();
    }
}
