package io.homeward.portmap.upnp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ParsingTest {
    private static final URI LOCATION = URI.create("http://192.168.1.1:5000/rootDesc.xml");

    @Test
    void ssdpAnswerIsReadCaseInsensitivelyAndWithoutSpaces() {
        assertEquals(Optional.of(LOCATION), SsdpResponse.gatewayLocation("HTTP/1.1 200 OK\r\nlocation:"
                + LOCATION + "\r\nSt:urn:schemas-upnp-org:service:WANIPConnection:1\r\n\r\n"));
    }

    @Test
    void ssdpAnswersThatNameNoGatewayAreIgnored() {
        assertEquals(Optional.empty(), SsdpResponse.gatewayLocation("HTTP/1.1 200 OK\r\nLOCATION: " + LOCATION
                + "\r\nST: urn:schemas-upnp-org:device:MediaServer:1\r\n\r\n"));
        assertEquals(Optional.empty(), SsdpResponse.gatewayLocation("NOTIFY * HTTP/1.1\r\nLOCATION: " + LOCATION
                + "\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n"));
        assertEquals(Optional.empty(), SsdpResponse.gatewayLocation("HTTP/1.1 200 OK\r\nLOCATION: file:///etc/passwd"
                + "\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n"));
        assertEquals(Optional.empty(), SsdpResponse.gatewayLocation(""));
    }

    @Test
    void mSearchFollowsTheWireFormat() {
        assertEquals("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\n"
                + "ST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n",
                SsdpDiscovery.search("urn:schemas-upnp-org:device:InternetGatewayDevice:1"));
    }

    @Test
    void controlUrlIsResolvedAgainstTheLocation() throws IOException {
        WanService s = DeviceDescription.parse(bytes(FakeIgd.descriptionFor(
                "urn:schemas-upnp-org:service:WANIPConnection:1", "/ctl/IPConn", null)), LOCATION);
        assertEquals("urn:schemas-upnp-org:service:WANIPConnection:1", s.serviceType());
        assertEquals(URI.create("http://192.168.1.1:5000/ctl/IPConn"), s.controlUrl());
    }

    @Test
    void urlBaseWinsAndAPathlessBaseStillResolves() throws IOException {
        WanService s = DeviceDescription.parse(bytes(FakeIgd.descriptionFor(
                "urn:schemas-upnp-org:service:WANIPConnection:2", "ctl/IPConn", "http://10.0.0.1:49152")), LOCATION);
        assertEquals(URI.create("http://10.0.0.1:49152/ctl/IPConn"), s.controlUrl());
        assertTrue(s.isVersion2());
    }

    @Test
    void pppServiceIsUsedWhenThereIsNoIpService() throws IOException {
        WanService s = DeviceDescription.parse(bytes(FakeIgd.descriptionFor(
                "urn:schemas-upnp-org:service:WANPPPConnection:1", "/ctl/PPPConn", null)), LOCATION);
        assertEquals("urn:schemas-upnp-org:service:WANPPPConnection:1", s.serviceType());
    }

    @Test
    void aControlUrlThatIsNotHttpIsRefused() {
        IOException e = assertThrows(IOException.class, () -> DeviceDescription.parse(bytes(FakeIgd.descriptionFor(
                "urn:schemas-upnp-org:service:WANIPConnection:1", "file:///etc/passwd", null)), LOCATION));
        assertTrue(e.getMessage().contains("not an http:// URL"));
    }

    @Test
    void soapEnvelopeKeepsArgumentOrderAndEscapesValues() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("NewRemoteHost", "");
        args.put("NewPortMappingDescription", "a<b&c");
        String envelope = SoapClient.envelope("urn:schemas-upnp-org:service:WANIPConnection:1", "AddPortMapping",
                args);
        assertTrue(envelope.contains("<u:AddPortMapping xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\">"
                + "<NewRemoteHost></NewRemoteHost><NewPortMappingDescription>a&lt;b&amp;c</NewPortMappingDescription>"
                + "</u:AddPortMapping>"), envelope);
    }

    @Test
    void candidatePortsStayMappableAndWrap() {
        assertEquals(4500, PortAllocator.candidate(4500, 0));
        assertEquals(4503, PortAllocator.candidate(4500, 3));
        assertEquals(1024, PortAllocator.candidate(65535, 1));
    }

    @Test
    void onlyDottedQuadsAreAddresses() throws IOException {
        assertEquals("203.0.113.7", WanConnection.ipv4Literal("203.0.113.7", "x").getHostAddress());
        assertThrows(IOException.class, () -> WanConnection.ipv4Literal("256.1.1.1", "x"));
        assertThrows(IOException.class, () -> WanConnection.ipv4Literal("1.2.3", "x"));
        assertThrows(IOException.class, () -> WanConnection.ipv4Literal("localhost", "x"));
    }

    @Test
    void privateAndSharedRangesAreRecognised() throws IOException {
        assertTrue(PrivateRanges.isPrivate(WanConnection.ipv4Literal("100.64.0.1", "x")));
        assertTrue(PrivateRanges.isPrivate(WanConnection.ipv4Literal("172.31.255.1", "x")));
        assertEquals(false, PrivateRanges.isPrivate(WanConnection.ipv4Literal("100.128.0.1", "x")));
        assertEquals(false, PrivateRanges.isPrivate(WanConnection.ipv4Literal("203.0.113.7", "x")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
