package io.homeward.watcher.internal.wire;

import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.WireParseException;

import io.homeward.kit.dns.wire.DsoMessage;

/**
 * One change notification in a PUSH TLV (RFC 8765 §6.3.1): an RR whose TTL says add (0 to
 * 0x7FFFFFFF), remove (0xFFFFFFFF) or collective remove (0xFFFFFFFE, no RDATA).
 */
public record PushChange(Record record, long ttl) {
    public static final long REMOVE = 0xFFFF_FFFFL;
    public static final long COLLECTIVE_REMOVE = 0xFFFF_FFFEL;
    static final long MAX_ADD_TTL = 0x7FFF_FFFFL;

    public boolean isAdd() {
        return ttl <= MAX_ADD_TTL;
    }

    /**
     * @throws IllegalArgumentException when the TLV is malformed (a fatal session error, RFC 8765 §6.3.1)
     */
    public static List<PushChange> parse(DsoMessage.Tlv push) {
        DNSInput in = new DNSInput(push.data());
        List<PushChange> changes = new ArrayList<>();
        try {
            while (in.remaining() > 0) {
                Name name = new Name(in);
                int type = in.readU16();
                int dclass = in.readU16();
                long ttl = in.readU32();
                byte[] rdata = in.readByteArray(in.readU16());
                if (ttl > MAX_ADD_TTL && ttl != REMOVE && ttl != COLLECTIVE_REMOVE) {
                    throw new IllegalArgumentException("PUSH carries the undefined TTL " + ttl);
                }
                if (ttl == COLLECTIVE_REMOVE && rdata.length != 0) {
                    throw new IllegalArgumentException("a collective remove must have no RDATA");
                }
                Record record = ttl == COLLECTIVE_REMOVE ? Record.newRecord(name, type, dclass)
                        : Record.newRecord(name, type, dclass, 0, rdata);
                if (record == null) {
                    throw new IllegalArgumentException("PUSH carries malformed RDATA for " + name);
                }
                changes.add(new PushChange(record, ttl));
            }
        } catch (WireParseException e) {
            throw new IllegalArgumentException("malformed PUSH: " + e.getMessage(), e);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a PUSH must carry at least one change");
        }
        return changes;
    }
}
