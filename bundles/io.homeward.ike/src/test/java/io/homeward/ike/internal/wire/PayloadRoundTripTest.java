package io.homeward.ike.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every payload encodes, decodes to the same values and encodes again to the same octets. */
class PayloadRoundTripTest {

    @Test
    void everyPayloadSurvivesARoundTrip() throws Exception {
        List<Payload> payloads = Samples.everyPayload();
        IkeMessage message = new IkeMessage(IkeHeader.of(Samples.SPI_I, Samples.SPI_R, ExchangeType.IKE_AUTH, false,
                true, 1), payloads);
        byte[] wire = message.encode();

        IkeMessage decoded = IkeMessage.decode(wire, 0, wire.length);

        assertEquals(payloads.size(), decoded.payloads().size());
        for (int i = 0; i < payloads.size(); i++) {
            assertEquals(payloads.get(i).type(), decoded.payloads().get(i).type());
            assertArrayEquals(body(payloads.get(i)), body(decoded.payloads().get(i)), "payload " + i);
        }
        assertArrayEquals(wire, decoded.encode());
        assertEquals(wire.length, decoded.header().length());
        assertEquals(PayloadType.IDI, decoded.header().nextPayload());
    }

    @Test
    void decodedValuesAreTheEncodedOnes() throws Exception {
        byte[] wire = new IkeMessage(IkeHeader.of(Samples.SPI_I, Samples.SPI_R, ExchangeType.CREATE_CHILD_SA, true,
                false, 7), Samples.everyPayload()).encode();

        IkeMessage decoded = IkeMessage.decode(wire, 0, wire.length);

        IkeHeader header = decoded.header();
        assertEquals(Samples.SPI_I, header.initiatorSpi());
        assertEquals(Samples.SPI_R, header.responderSpi());
        assertEquals(ExchangeType.CREATE_CHILD_SA, ExchangeType.of(header.exchangeType()).orElseThrow());
        assertTrue(header.isResponse());
        assertFalse(header.fromOriginalInitiator());
        assertEquals(7, header.messageId());
        SaPayload sa = decoded.first(SaPayload.class).orElseThrow();
        assertEquals(2, sa.proposals().size());
        assertEquals(List.of(new Transform(Transform.ENCR, 20, 128), new Transform(Transform.ENCR, 20, 256),
                new Transform(Transform.ESN, 0), new Transform(Transform.ESN, 1)), sa.proposals().get(0).transforms());
        assertArrayEquals(Samples.filled(4, 0xC1), sa.proposals().get(1).spi());
        TrafficSelectorPayload tsr = decoded.all(TrafficSelectorPayload.class).get(1);
        assertTrue(tsr.responder());
        assertEquals(TrafficSelector.host(Samples.ula("fd77:1e08:2f6c:d913::2")), tsr.selectors().get(0));
        assertEquals(TrafficSelector.TS_IPV4_ADDR_RANGE, tsr.selectors().get(1).tsType());
        assertEquals(List.of(0xC0FFEE01, 0xC0FFEE02), decoded.all(DeletePayload.class).get(0).spis());
        assertEquals(DeletePayload.ikeSa(), decoded.all(DeletePayload.class).get(1));
        NotifyPayload rekey = decoded.notifies(NotifyType.REKEY_SA).get(0);
        assertEquals(Proposal.ESP, rekey.protocol());
        assertEquals(NotifyType.REKEY_SA, rekey.known().orElseThrow());
        IdPayload idr = decoded.all(IdPayload.class).get(1);
        assertTrue(idr.responder());
        assertEquals("home.alice.members.example", new String(idr.data(), StandardCharsets.US_ASCII));
        assertEquals(2, decoded.first(CertReqPayload.class).orElseThrow().authorityHashes().size());
    }

    @Test
    void encryptedPayloadsEndTheChainAndNameTheirFirstInnerPayload() throws IkeFormatException {
        IkeHeader header = IkeHeader.of(Samples.SPI_I, Samples.SPI_R, ExchangeType.IKE_AUTH, false, true, 1);
        byte[] sk = new IkeMessage(header, List.of(new EncryptedPayload(PayloadType.IDI, Samples.filled(40, 9))))
                .encode();
        byte[] skf = new IkeMessage(header, List.of(new EncryptedFragmentPayload(PayloadType.IDI, 1, 3,
                Samples.filled(40, 9)))).encode();

        EncryptedPayload decodedSk = (EncryptedPayload) IkeMessage.decode(sk, 0, sk.length).payloads().get(0);
        EncryptedFragmentPayload decodedSkf = (EncryptedFragmentPayload) IkeMessage.decode(skf, 0, skf.length)
                .payloads().get(0);

        assertEquals(PayloadType.IDI, decodedSk.firstInner());
        assertArrayEquals(Samples.filled(40, 9), decodedSk.sealed());
        assertEquals(PayloadType.IDI, decodedSkf.firstInner());
        assertEquals(1, decodedSkf.fragmentNumber());
        assertEquals(3, decodedSkf.totalFragments());
        assertEquals(PayloadType.SK, sk[16]);
        assertEquals(PayloadType.IDI, sk[IkeHeader.LENGTH]);
        assertThrows(IllegalArgumentException.class, () -> Payloads.encode(List.of(
                new EncryptedPayload(PayloadType.NONE, new byte[24]), new VendorIdPayload(new byte[4]))));
    }

    @Test
    void aMessageDecodesFromTheMiddleOfABuffer() throws Exception {
        byte[] wire = new IkeMessage(IkeHeader.of(1, 2, ExchangeType.INFORMATIONAL, false, true, 3),
                List.of(NotifyPayload.of(NotifyType.COOKIE2, Samples.filled(16, 7)))).encode();
        byte[] buffer = new byte[wire.length + 20];
        System.arraycopy(wire, 0, buffer, 10, wire.length);

        IkeMessage decoded = IkeMessage.decode(buffer, 10, wire.length);

        assertArrayEquals(Samples.filled(16, 7), decoded.notifies(NotifyType.COOKIE2).get(0).data());
    }

    @Test
    void anIpv4MappedRangeStaysAnIpv6Range() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        byte[] mappedEnd = mapped.clone();
        Arrays.fill(mappedEnd, 12, 16, (byte) 0xFF);
        TrafficSelector selector = new TrafficSelector(0, 0, 65535, Inet6Address.getByAddress(null, mapped, -1),
                Inet6Address.getByAddress(null, mappedEnd, -1));
        byte[] wire = new IkeMessage(IkeHeader.of(1, 2, ExchangeType.CREATE_CHILD_SA, false, true, 4),
                List.of(new TrafficSelectorPayload(false, List.of(selector)))).encode();

        TrafficSelector decoded = IkeMessage.decode(wire, 0, wire.length).first(TrafficSelectorPayload.class)
                .orElseThrow().selectors().get(0);

        assertEquals(TrafficSelector.TS_IPV6_ADDR_RANGE, decoded.tsType());
        assertArrayEquals(mapped, decoded.start().getAddress());
    }

    @Test
    void notifyTypesKnowTheirNumbersAndKind() {
        assertEquals(NotifyType.INVALID_KE_PAYLOAD, NotifyType.of(17).orElseThrow());
        assertEquals(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED, NotifyType.of(16430).orElseThrow());
        assertTrue(NotifyType.AUTHENTICATION_FAILED.isError());
        assertFalse(NotifyType.COOKIE.isError());
        assertTrue(NotifyType.of(12345).isEmpty());
    }

    @Test
    void recordsRefuseWhatCannotBeEncoded() throws UnknownHostException {
        assertThrows(IllegalArgumentException.class, () -> new NoncePayload(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> new SaPayload(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Proposal(1, Proposal.IKE, new byte[0], List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TrafficSelectorPayload(false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TrafficSelector(0, 0, 65535,
                Samples.ula("fd00::1"), InetAddress.getByName("10.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> new EncryptedFragmentPayload(0, 3, 2, new byte[0]));
    }

    private static byte[] body(Payload payload) {
        ByteBuffer out = ByteBuffer.allocate(payload.bodyLength());
        payload.writeBody(out);
        return out.array();
    }
}
