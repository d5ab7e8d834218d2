package io.homeward.rendezvous.dns.internal.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

import io.homeward.rendezvous.dns.internal.zone.Serials;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * The messages of a zone transfer: AXFR (RFC 5936 §2.2) is the SOA, every record, the SOA again, split into
 * messages of at most {@value #RECORDS_PER_MESSAGE} records and well under 64 KiB. The records are read under one
 * lock so the copy is consistent; the messages are built and signed one at a time as the connection asks for them.
 * The question appears in the first message only.
 */
public final class ZoneTransfer {
    static final int RECORDS_PER_MESSAGE = 100;
    private static final int BYTES_PER_MESSAGE = 60_000;

    private final ZoneStore store;

    public ZoneTransfer(ZoneStore store) {
        this.store = store;
    }

    /** The AXFR response, or empty when {@code zone} is not the apex of a zone here. */
    public Optional<Iterator<byte[]>> full(Message request, Name zone, Consumer<Message> sign) {
        return snapshot(zone).map(records -> new Messages(request, records, sign));
    }

    /**
     * The IXFR response (RFC 1995): the current SOA alone when the client's serial is as new as ours (§2), or
     * when {@code soaOnly} (a UDP request, which tells the client to ask again over TCP); otherwise the whole zone
     * in AXFR form, as a server without incremental history answers (§4).
     */
    public Optional<Iterator<byte[]>> incremental(Message request, Name zone, long clientSerial, boolean soaOnly,
            Consumer<Message> sign) {
        return snapshot(zone).map(records -> {
            SOARecord soa = (SOARecord) records.get(0);
            boolean current = soaOnly || Serials.isAtLeast(clientSerial, soa.getSerial());
            return new Messages(request, current ? List.of(soa) : records, sign);
        });
    }

    /** SOA, every record, SOA, read under the store's lock. */
    private Optional<List<Record>> snapshot(Name zone) {
        return Optional.ofNullable(store.read(() -> {
            Zone z = store.zone(zone);
            if (z == null) {
                return null;
            }
            List<Record> all = new ArrayList<>();
            all.add(z.soa());
            all.addAll(z.allRecords());
            all.add(z.soa());
            return all;
        }));
    }

    /** Builds, signs and encodes the next message only when asked. */
    private static final class Messages implements Iterator<byte[]> {
        private final Message request;
        private final List<Record> records;
        private final Consumer<Message> sign;
        private int next;

        Messages(Message request, List<Record> records, Consumer<Message> sign) {
            this.request = request;
            this.records = records;
            this.sign = sign;
        }

        @Override
        public boolean hasNext() {
            return next < records.size();
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Message message = newMessage(request, next == 0);
            int count = 0;
            int bytes = 0;
            while (next < records.size() && count < RECORDS_PER_MESSAGE) {
                Record r = records.get(next);
                int size = r.toWire(Section.ANSWER).length;
                if (count > 0 && bytes + size > BYTES_PER_MESSAGE) {
                    break;
                }
                message.addRecord(r, Section.ANSWER);
                count++;
                bytes += size;
                next++;
            }
            sign.accept(message);
            return message.toWire();
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
}
