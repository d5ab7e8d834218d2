package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PublicAddressSettingTest {

    @Test
    void emptyMeansNoneAndADottedIpv4AddressIsTaken() throws Exception {
        assertEquals(new PublicAddressSetting(Optional.empty(), Optional.empty()), PublicAddressSetting.parse(" "));
        assertEquals(Optional.of(InetAddress.getByName("203.0.113.7")),
                PublicAddressSetting.parse(" 203.0.113.7 ").address().map(InetAddress.class::cast));
    }

    @Test
    void anythingElseIsNamedAsAProblem() {
        for (String text : new String[] {"2001:db8::1", "gateway.example", "300.1.1.1"}) {
            assertEquals(Optional.of("publicAddress must be an IPv4 address such as 203.0.113.7, got '" + text + "'"),
                    PublicAddressSetting.parse(text).problem(), text);
        }
    }
}
