package io.homeward.ike.internal.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Messages and payloads of every kind, as an IKE_AUTH exchange with a Homeward or strongSwan peer carries them. */
final class Samples {
    static final long SPI_I = 0x0102030405060708L;
    static final long SPI_R = 0x1112131415161718L;

    private Samples() {
    }

    static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** One payload of every type the codec models. */
    static List<Payload> everyPayload() throws UnknownHostException {
        SaPayload sa = new SaPayload(List.of(
                new Proposal(1, Proposal.ESP, filled(4, 0xC1), List.of(new Transform(Transform.ENCR, 20, 128),
                        new Transform(Transform.ENCR, 20, 256), new Transform(Transform.ESN, 0),
                        new Transform(Transform.ESN, 1))),
                new Proposal(2, Proposal.ESP, filled(4, 0xC1), List.of(new Transform(Transform.ENCR, 28),
                        new Transform(Transform.ESN, 0)))));
        return List.of(
                IdPayload.fqdn(false, "laptop.alice.members.example"),
                new CertPayload(CertPayload.X509_SIGNATURE, filled(300, 0x30)),
                new CertReqPayload(CertPayload.X509_SIGNATURE, filled(40, 0xA5)),
                IdPayload.fqdn(true, "home.alice.members.example"),
                new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, filled(80, 0x0C)),
                NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED),
                new NotifyPayload(Proposal.ESP, filled(4, 0xC2), NotifyType.REKEY_SA.code(), new byte[0]),
                sa,
                new KePayload(19, filled(64, 0x04)),
                new NoncePayload(filled(32, 0x4E)),
                new TrafficSelectorPayload(false, List.of(TrafficSelector.host(ula("fd3c:9a51:e27d:b44::1")))),
                new TrafficSelectorPayload(true, List.of(TrafficSelector.host(ula("fd77:1e08:2f6c:d913::2")),
                        new TrafficSelector(17, 500, 4500, InetAddress.getByName("10.0.0.1"),
                                InetAddress.getByName("10.0.0.255")))),
                new DeletePayload(Proposal.ESP, List.of(0xC0FFEE01, 0xC0FFEE02)),
                DeletePayload.ikeSa(),
                new VendorIdPayload(filled(16, 0x56)),
                new OpaquePayload(PayloadType.CP, filled(8, 0x01)));
    }
}
