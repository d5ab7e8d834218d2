package io.homeward.rendezvous.dns.internal.llq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.watch.RecordWire;

/** An LLQ setup and event exchange (RFC 8764 §5.2, §7.1), checked with dnspython, as codec vectors. */
class LlqCodecTest {
    static final String QUESTION = "0b5f6166706f766572746370045f746370"
            + "05616c69636504627" + "46d6d076578616d706c6500000c0001";
    static final String SETUP_REQUEST = "123401000001000000000001" + QUESTION
            + "0000290" + "5a0000000000016" + "0001001200010001" + "0000" + "0000000000000000" + "00001c20";
    static final String EVENT_ACK = "beef84000001000000000001" + QUESTION
            + "00002905a00000000000160001001200010003000065f1a2b31c2d3e4f00000dac";
    static final String ACK_ANSWER = "0b5f6166706f76657274637004" + "5f74637005616c69636504" + "62746d6d076578616d706c6500"
            + "000c000100001194002f09616c6963652d6d62700b5f6166706f76657274637004" + "5f74637005616c69636504"
            + "62746d6d076578616d706c6500";
    static final org.xbill.DNS.Name BROWSE = org.xbill.DNS.Name.fromConstantString(
            "_afpovertcp._tcp.alice.btmm.example.");

    @Test
    void buildsTheSetupRequestOfTheExampleByteForByte() {
        Message setup = LlqClient.request(BROWSE, Type.PTR, 0x1234, LlqOption.SETUP, 0, 7200);
        assertEquals(86, setup.toWire().length);
        assertEquals(SETUP_REQUEST, HexFormat.of().formatHex(setup.toWire()));
    }

    @Test
    void readsTheOptionsOfTheExampleMessages() throws Exception {
        Message setup = new Message(HexFormat.of().parseHex(SETUP_REQUEST));
        assertEquals(new LlqOption(1, LlqOption.SETUP, 0, 0, 7200), LlqOption.from(setup.getOPT()).orElseThrow());
        Message ack = new Message(HexFormat.of().parseHex(EVENT_ACK));
        assertEquals(new LlqOption(1, LlqOption.EVENT, 0, 0x65F1A2B31C2D3E4FL, 3500),
                LlqOption.from(ack.getOPT()).orElseThrow());
        assertEquals(0xbeef, ack.getHeader().getID());
    }

    @Test
    void writesTheChallengeOptionOfTheExample() {
        byte[] option = LlqOption.reply(LlqOption.SETUP, 0, 0x65F1A2B31C2D3E4FL, 3600).toOption().toWire();
        assertEquals("0001001200010001000065f1a2b31c2d3e4f00000e10", HexFormat.of().formatHex(option));
    }

    @Test
    void writesAnswersAndRemovalsAsTheExampleDoes() throws Exception {
        org.xbill.DNS.Record answer = org.xbill.DNS.Record.fromString(BROWSE, Type.PTR, org.xbill.DNS.DClass.IN, 4500,
                "alice-mbp._afpovertcp._tcp.alice.btmm.example.", org.xbill.DNS.Name.root);
        assertEquals(ACK_ANSWER, HexFormat.of().formatHex(RecordWire.added(answer)));
        String removal = ACK_ANSWER.replace("000c000100001194002f", "000c0001ffffffff002f");
        assertEquals(removal, HexFormat.of().formatHex(RecordWire.removed(answer)));
    }

    @Test
    void rejectsAnOptionOfTheWrongLength() {
        OPTRecord opt = new OPTRecord(1440, 0, 0, 0, List.of(new GenericEDNSOption(LlqOption.CODE, new byte[10])));
        assertThrows(IllegalArgumentException.class, () -> LlqOption.from(opt));
        assertEquals(0, new Message().getSection(Section.ADDITIONAL).size());
    }
}
