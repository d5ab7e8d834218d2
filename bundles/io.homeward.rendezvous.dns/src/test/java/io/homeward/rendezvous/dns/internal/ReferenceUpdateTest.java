package io.homeward.rendezvous.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsTransport;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.testkit.MutableClock;

/** A TSIG-signed UPDATE with an Update Lease (RFC 2136, RFC 8945, RFC 9664) made with dnspython, byte for byte. */
class ReferenceUpdateTest {
    static final String UPDATE_HEX = ""
            + "4d2a2800000100000002000205616c6963650462746d6d076578616d706c6500000600010b5f6175746f74756e6e656c"
            + "045f75647009616c6963652d6d627005616c6963650462746d6d076578616d706c6500002100ff0000000000000b5f61"
            + "75746f74756e6e656c045f75647009616c6963652d6d627005616c6963650462746d6d076578616d706c650000210001"
            + "00000078003d000000001194224175746f54756e6e656c2d30322d31422d36332d46462d46452d38342d35412d304305"
            + "616c6963650462746d6d076578616d706c650000002905a00000000000080002000400001c2005616c6963650462746d"
            + "6d076578616d706c650000fa00ff00000000003d0b686d61632d7368613235360000006553f100012c0020e349ca3e37"
            + "358afe6199de7e363c45c5eb88f2bed0ca549d1752e73945d872c64d2a00000000";
    static final Name ZONE = Name.fromConstantString("alice.btmm.example.");

    @TempDir
    Path dir;

    @Test
    void acceptsTheReferenceUpdateAndSignsTheAnswer() throws IOException {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0x10 + i);
        }
        TsigKey key = new TsigKey(ZONE.toString(), "hmac-sha256.", secret);
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L + 10));
        ServerSettings settings = new ServerSettings(Name.fromConstantString("btmm.example."),
                Name.fromConstantString("ns.btmm.example."), List.of(),
                Name.fromConstantString("hostmaster.btmm.example."),
                8853, 8443, 1232, 60, 1800, 7200, 5, 20, List.of(), 1 << 20, 10_000, 5, 20);
        try (DnsServer server = new DnsServer(settings, WatchSettings.DEFAULTS,
                name -> name.equals(ZONE.toString()) ? Optional.of(key) : Optional.empty(), ServerFixture::masterScope,
                clock, new SecureRandom(),
                Runnable::run, dir, new TestLogger().logger())) {
            server.zones().createZone(ZONE);
            byte[] request = HexFormat.of().parseHex(UPDATE_HEX);
            FakeResponder responder = new FakeResponder(DnsTransport.UDP);
            server.requests().handle(request, responder);

            Message response = responder.only();
            assertEquals(Rcode.NOERROR, response.getRcode());
            assertEquals(0x4d2a, response.getHeader().getID());
            byte[] lease = response.getOPT().getOptions(2).get(0).toWire();
            assertEquals(7200, ByteBuffer.wrap(lease, 4, 4).getInt());
            TSIG client = new TSIG(TSIG.HMAC_SHA256, ZONE, new SecretKeySpec(secret, "HmacSHA256"), clock);
            assertEquals(Rcode.NOERROR,
                    client.verify(response, responder.sent().get(0), new Message(request).getTSIG()));

            Name owner = Name.fromConstantString("_autotunnel._udp.alice-mbp.alice.btmm.example.");
            FakeResponder query = new FakeResponder(DnsTransport.UDP);
            server.requests().handle(Message.newQuery(Record.newRecord(owner, Type.SRV, DClass.IN)).toWire(), query);
            SRVRecord srv = (SRVRecord) query.only().getSection(Section.ANSWER).get(0);
            assertEquals(4500, srv.getPort());
            assertEquals(120, srv.getTTL());
            assertEquals(Name.fromConstantString("AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.btmm.example."),
                    srv.getTarget());
        }
    }
}
