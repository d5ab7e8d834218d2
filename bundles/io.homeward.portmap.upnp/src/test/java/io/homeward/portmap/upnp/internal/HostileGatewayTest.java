package io.homeward.portmap.upnp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** A broken or malicious device on the LAN is refused with a reason, and never harms the host. */
class HostileGatewayTest {
    private final RecordingLogger log = new RecordingLogger();
    private FakeIgd igd;
    private UpnpPortMapperComponent mapper;

    @BeforeEach
    void start() throws Exception {
        igd = new FakeIgd();
        mapper = new UpnpPortMapperComponent(UpnpPortMapperComponentTest.config(igd.rootUrl().toString()), new LoopbackNetwork(),
                SsdpDiscovery.MULTICAST, new MutableClock(), log.logger());
    }

    @AfterEach
    void stop() throws Exception {
        mapper.deactivate();
        igd.close();
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        igd.description = ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<root><URLBase>&lol3;</URLBase></root>").getBytes(StandardCharsets.UTF_8);

        String reason = refusal();
        assertTrue(reason.contains("DOCTYPE"), reason);
        assertTrue(log.messages(LogLevel.WARN).stream().anyMatch(l -> l.contains("DOCTYPE")), log.lines().toString());
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        igd.description = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + FakeIgd.descriptionFor("urn:schemas-upnp-org:service:WANIPConnection:1", "/ctl/IPConn&x;", null)
                        .substring("<?xml version=\"1.0\"?>\n".length())).getBytes(StandardCharsets.UTF_8);

        String reason = refusal();
        assertFalse(reason.contains("TOP-SECRET"), reason);
        assertFalse(igd.actions.stream().anyMatch(a -> a.contains("SECRET")));
        assertTrue(igd.actions.isEmpty(), "no control call is made with an unreadable description");
    }

    @Test
    void aHugeDescriptionIsRefused() {
        igd.description = hugeDocument();

        assertTrue(refusal().contains("at most " + BoundedHttp.MAX_BODY), log.lines().toString());
    }

    @Test
    void aHugeChunkedDescriptionIsRefusedWhileReading() {
        igd.chunked = true;
        igd.description = hugeDocument();

        assertTrue(refusal().contains("over " + BoundedHttp.MAX_BODY), log.lines().toString());
    }

    @Test
    void aDeviceWithoutAWanServiceIsNotAGateway() {
        igd.description = FakeIgd.descriptionFor("urn:schemas-upnp-org:service:ContentDirectory:1", "/ctl/cd", null)
                .getBytes(StandardCharsets.UTF_8);

        assertTrue(refusal().contains("not an Internet gateway"));
    }

    @Test
    void aFaultWithoutAnErrorCodeIsReported() {
        igd.controlStatus = 500;
        igd.controlBody = ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultstring>UPnPError</faultstring><detail><UPnPError><errorCode>seven</errorCode></UPnPError>"
                + "</detail></s:Fault></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);

        assertTrue(refusal().contains("errorCode 'seven' is not a number"));
    }

    @Test
    void aFaultThatIsNotXmlIsReported() {
        igd.controlStatus = 500;
        igd.controlBody = "Internal Server Error".getBytes(StandardCharsets.UTF_8);

        assertTrue(refusal().contains("unreadable fault"));
    }

    @Test
    void anEmptyAnswerIsReported() {
        igd.controlStatus = 200;
        igd.controlBody = new byte[0];

        assertTrue(refusal().contains("not acceptable XML"));
    }

    @Test
    void anAnswerWithoutTheResultIsReported() {
        igd.controlStatus = 200;
        igd.controlBody = "<Envelope><Body/></Envelope>".getBytes(StandardCharsets.UTF_8);

        assertTrue(refusal().contains("has no GetExternalIPAddressResponse"));
    }

    @Test
    void anExternalAddressThatIsNotADottedQuadIsRefused() {
        igd.externalAddress = "evil.example";

        assertTrue(refusal().contains("'evil.example' is not an IPv4 address"));
    }

    @Test
    void anUnconnectedWanSideIsReported() {
        igd.externalAddress = "0.0.0.0";

        assertTrue(refusal().contains("no public address of its own"));
    }

    @Test
    void anEmptyExternalAddressPointsAtDoubleNat() {
        igd.externalAddress = "";

        assertTrue(refusal().contains("double NAT"));
    }

    private String refusal() {
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> mapper.map(TransportProtocol.UDP, 4500, Duration.ofHours(1)));
        assertEquals(1, log.messages(LogLevel.WARN).size(), log.lines().toString());
        return e.getMessage();
    }

    private static byte[] hugeDocument() {
        byte[] filler = new byte[BoundedHttp.MAX_BODY + 1];
        Arrays.fill(filler, (byte) ' ');
        byte[] start = "<root>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, filler, 0, start.length);
        return filler;
    }
}
