package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.registration.HostRecordSet;

class UpdateMessagesTest {
    private static final HostRecordSet LAPTOP = TestInputs.set("laptop", TestInputs.PUBLIC, 61_000);

    private static List<String> section(Message message, int section) {
        return message.getSection(section).stream()
                .map(r -> r.getName() + " " + DClass.string(r.getDClass()) + " " + Type.string(r.getType()) + " "
                        + r.getTTL() + (r.rdataToString().isEmpty() ? "" : " " + r.rdataToString()))
                .toList();
    }

    @Test
    void publishDeletesWhatTheHostOwnsThenAddsTheSetWithALease() throws Exception {
        Message update = new Message(UpdateMessages.publish(LAPTOP, Optional.empty(), Duration.ofMinutes(90), 0x4d2a)
                .toWire());
        assertEquals(Opcode.UPDATE, update.getHeader().getOpcode());
        assertEquals(0x4d2a, update.getHeader().getID());
        assertEquals(1, update.getSection(Section.ZONE).size());
        assertEquals("alice.members.example.", update.getQuestion().getName().toString());
        assertEquals(Type.SOA, update.getQuestion().getType());
        assertEquals(DClass.IN, update.getQuestion().getDClass());
        assertEquals(List.of(), section(update, Section.PREREQ));
        String target = "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.";
        String ula = "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c";
        assertEquals(List.of(
                "_autotunnel._udp.laptop.alice.members.example. ANY SRV 0",
                target + " ANY A 0",
                target + " ANY AAAA 0",
                target + " ANY TXT 0",
                "laptop.alice.members.example. ANY AAAA 0",
                "_homeward._udp.alice.members.example. NONE PTR 0 laptop.alice.members.example.",
                "_autotunnel._udp.laptop.alice.members.example. IN SRV 120 0 0 61000 " + target,
                target + " IN A 120 203.0.113.7",
                target + " IN AAAA 120 " + ula,
                target + " IN TXT 120 homeward=0.1 host=laptop os=linux",
                "laptop.alice.members.example. IN AAAA 120 " + ula,
                "_homeward._udp.alice.members.example. IN PTR 120 laptop.alice.members.example."),
                section(update, Section.UPDATE));
    }

    @Test
    void theLeaseTravelsAsTheFourByteUpdateLeaseOption() {
        Message update = UpdateMessages.publish(LAPTOP, Optional.empty(), Duration.ofMinutes(90), 1);
        Record opt = update.getSection(Section.ADDITIONAL).get(0);
        // RFC 9664 §4: OPT root, type 41, payload 1440, TTL 0, RDLENGTH 8, option 2 length 4, 5400 s.
        assertArrayEquals(HexFormat.of().parseHex("00002905a00000000000080002000400001518"), opt.toWire(Section.ADDITIONAL));
        assertEquals(Optional.of(Duration.ofSeconds(5400)), LeaseOption.granted(update));
    }

    @Test
    void aRenamedHostAlsoDeletesItsOldNamesInTheSameUpdate() {
        HostRecordSet renamed = TestInputs.set("laptop2", TestInputs.PUBLIC, 61_000);
        List<String> updates = section(UpdateMessages.publish(renamed, Optional.of(LAPTOP), Duration.ofMinutes(90), 1),
                Section.UPDATE);
        assertEquals(true, updates.contains("laptop.alice.members.example. ANY AAAA 0"));
        assertEquals(true, updates.contains("_homeward._udp.alice.members.example. NONE PTR 0 laptop.alice.members.example."));
        assertEquals(true, updates.contains("laptop2.alice.members.example. ANY AAAA 0"));
        // The AutoTunnel name is shared by both sets and is deleted once.
        assertEquals(1, updates.stream().filter(u -> u.endsWith("ANY A 0")).count());
        assertEquals(9 + 6, updates.size());
    }

    @Test
    void withdrawOnlyDeletesAndCarriesNoLease() {
        Message withdraw = UpdateMessages.withdraw(LAPTOP, 7);
        assertEquals(6, withdraw.getSection(Section.UPDATE).size());
        assertEquals(true, withdraw.getSection(Section.UPDATE).stream()
                .allMatch(r -> r.getDClass() == DClass.ANY || r.getDClass() == DClass.NONE));
        assertNull(withdraw.getOPT());
    }
}
