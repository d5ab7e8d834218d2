package io.homeward.kit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6TextTest {

    @ParameterizedTest
    @CsvSource({
        "fd3c9a51e27d0b44021b63fffe845a0c, fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c",
        "00000000000000000000000000000001, ::1",
        "00000000000000000000000000000000, ::",
        "20010db8000000000001000000000001, 2001:db8::1:0:0:1",
        "20010db8000100000001000100010001, 2001:db8:1:0:1:1:1:1",
        "20010db8000000010000000000000001, 2001:db8:0:1::1",
        "fe800000000000000000000000000000, fe80::",
    })
    void formatsCanonically(String hex, String text) {
        assertEquals(text, Ipv6Text.format(HexFormat.of().parseHex(hex)));
    }
}
