package io.homeward.rendezvous.dns.internal.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * The messages of an AXFR response (RFC 5936 §2.2): the SOA, every record, the SOA again, split into
 * messages of at most {@value #RECORDS_PER_MESSAGE} records and well under 64 KiB, all read under one lock
 * so the copy is consistent. The question appears in the first message only.
 */
public final class ZoneTransfer {
    static final int RECORDS_PER_MESSAGE = 100;
    private static final int BYTES_PER_MESSAGE = 60_000;

    private final ZoneStore store;

    public ZoneTransfer(ZoneStore store) {
        this.store = store;
    }

    /** The unsigned response messages, or empty when {@code zone} is not the apex of a zone here. */
    public Optional<List<Message>> messages(Message request, Name zone) {
        List<Record> records = store.read(() -> {
            Zone z = store.zone(zone);
            if (z == null) {
                return null;
            }
            List<Record> all = new ArrayList<>();
            all.add(z.soa());
            all.addAll(z.allRecords());
            all.add(z.soa());
            return all;
        });
        if (records == null) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>();
        Message current = newMessage(request, true);
        int count = 0;
        int bytes = 0;
        for (Record r : records) {
            int size = r.toWire(Section.ANSWER).length;
            if (count == RECORDS_PER_MESSAGE || (count > 0 && bytes + size > BYTES_PER_MESSAGE)) {
                messages.add(current);
                current = newMessage(request, false);
                count = 0;
                bytes = 0;
            }
            current.addRecord(r, Section.ANSWER);
            count++;
            bytes += size;
        }
        messages.add(current);
        return Optional.of(messages);
    }

    private static Message newMessage(Message request, boolean withQuestion) {
        Message message = new Message(request.getHeader().getID());
        message.getHeader().setOpcode(Opcode.QUERY);
        message.getHeader().setFlag(Flags.QR);
        message.getHeader().setFlag(Flags.AA);
        if (withQuestion) {
            message.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return message;
    }
}
