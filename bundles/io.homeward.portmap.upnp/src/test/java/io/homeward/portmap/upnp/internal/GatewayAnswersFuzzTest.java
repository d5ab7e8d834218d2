package io.homeward.portmap.upnp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * What a device on the LAN answers, fed to the parser that reads it: the first byte picks the SSDP M-SEARCH answer
 * (UDA 1.1 §1.3.3), the root device description (§2.3) or a SOAP answer with HTTP 200 or 500 (§3.2), the rest is
 * the answer. The SSDP reader gives a location or nothing; the others give their result or throw IOException
 * (UpnpFault for a UPnP error), never anything else.
 */
class GatewayAnswersFuzzTest {
    private static final URI LOCATION = URI.create("http://192.168.1.1:5000/rootDesc.xml");
    private static final WanService SERVICE = new WanService("urn:schemas-upnp-org:service:WANIPConnection:1",
            URI.create("http://192.168.1.1:5000/ctl/IPConn"));

    @FuzzTest(maxDuration = "10s")
    void anAnswerIsReadOrRefused(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] answer = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch (input[0] & 3) {
                case 0 -> ssdp(answer);
                case 1 -> description(answer);
                case 2 -> soap(200, answer);
                default -> soap(500, answer);
            }
        } catch (IOException refused) {
            // documented: the answer is not what a gateway must send
        }
    }

    private static void ssdp(byte[] datagram) {
        Optional<URI> location = SsdpResponse.gatewayLocation(new String(datagram, StandardCharsets.UTF_8));
        location.ifPresent(uri -> {
            assertTrue("http".equalsIgnoreCase(uri.getScheme()));
            assertNotNull(uri.getHost());
        });
    }

    private static void description(byte[] body) throws IOException {
        WanService service = DeviceDescription.parse(body, LOCATION);
        assertTrue("http".equalsIgnoreCase(service.controlUrl().getScheme()));
        assertNotNull(service.controlUrl().getHost());
    }

    private static void soap(int status, byte[] body) throws IOException {
        Map<String, String> out = SoapClient.outArguments(SERVICE, "GetExternalIPAddress",
                new BoundedHttp.Response(status, body));
        for (Map.Entry<String, String> argument : out.entrySet()) {
            try {
                WanConnection.ipv4Literal(argument.getValue(), argument.getKey());
            } catch (IOException notAnAddress) {
                // documented: only a dotted quad is an address
            }
        }
    }
}
