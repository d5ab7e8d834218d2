package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.1, PUBLIC",
            "192.168.255.1, PRIVATE", "192.169.0.1, PUBLIC", "100.64.0.1, SHARED", "100.127.255.254, SHARED",
            "100.128.0.1, PUBLIC", "127.0.0.1, LOCAL", "169.254.1.1, LOCAL", "0.0.0.0, LOCAL",
            "203.0.113.7, PUBLIC"})
    void classifiesIpv4Ranges(String address, AddressClass expected) throws Exception {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address)));
    }
}
