package io.homeward.kit.dns.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The LLQ option (RFC 8764 §3.2) against the bytes of the RFC's setup exchange. */
class LlqOptionTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theChallengeOptionIsEighteenBytesAfterCodeAndLength() {
        assertEquals("0001001200010001000065f1a2b31c2d3e4f00000e10",
                HEX.formatHex(LlqOption.reply(LlqOption.SETUP, LlqOption.NO_ERROR, 0x65F1A2B31C2D3E4FL, 3600)
                        .toOption().toWire()));
    }

    @Test
    void optionsSurviveTheRoundTripThroughAMessage() throws Exception {
        for (LlqOption option : List.of(LlqOption.of(LlqOption.SETUP, 0, 7200),
                LlqOption.reply(LlqOption.REFRESH, LlqOption.NO_SUCH_LLQ, -1L, 0),
                LlqOption.of(LlqOption.EVENT, 0x65F1A2B31C2D3E4FL, 0xffffffffL),
                new LlqOption(2, 1, 0, 0, 3600))) {
            Message message = Message.newQuery(Record.newRecord(Name.fromConstantString("alice.example."), Type.PTR,
                    DClass.IN));
            message.addRecord(option.toOpt(), Section.ADDITIONAL);
            Message received = new Message(message.toWire());
            assertEquals(LlqOption.PAYLOAD_SIZE, received.getOPT().getPayloadSize());
            assertEquals(Optional.of(option), LlqOption.from(received.getOPT()));
            assertEquals(Optional.of(option), LlqOption.find(received));
        }
    }

    @Test
    void aMessageWithoutTheOptionHasNone() {
        assertEquals(Optional.empty(), LlqOption.from(null));
        assertEquals(Optional.empty(), LlqOption.from(new OPTRecord(1232, 0, 0)));
        assertEquals(Optional.empty(), LlqOption.find(new Message()));
    }

    @Test
    void aMalformedOptionIsRefusedWithTheReason() {
        OPTRecord shortOne = new OPTRecord(1440, 0, 0, 0, List.of(new GenericEDNSOption(LlqOption.CODE, new byte[10])));
        assertEquals("an LLQ option of 10 bytes (18 expected)",
                assertThrows(IllegalArgumentException.class, () -> LlqOption.from(shortOne)).getMessage());
        OPTRecord twice = new OPTRecord(1440, 0, 0, 0, List.of(LlqOption.of(LlqOption.SETUP, 0, 60).toOption(),
                LlqOption.of(LlqOption.SETUP, 0, 60).toOption()));
        assertEquals("more than one LLQ option",
                assertThrows(IllegalArgumentException.class, () -> LlqOption.from(twice)).getMessage());
        Message message = new Message();
        message.addRecord(shortOne, Section.ADDITIONAL);
        assertEquals(Optional.empty(), LlqOption.find(message), "a client ignores what it cannot read");
    }
}
