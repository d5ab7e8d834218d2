package io.homeward.rendezvous.dns.internal.watch;

import java.nio.ByteBuffer;

import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Records in wire form for change notifications. Both LLQ events (RFC 8764 §7.1) and PUSH (RFC 8765)
 * mark a removal with TTL 0xFFFFFFFF, which dnsjava cannot hold in a {@link Record}, so the TTL is written
 * into the bytes.
 */
public final class RecordWire {
    public static final long REMOVE_TTL = 0xFFFFFFFFL;

    private RecordWire() {
    }

    /** NAME | TYPE | CLASS | TTL | RDLENGTH | RDATA, names uncompressed and in their original case. */
    public static byte[] withTtl(Record record, long ttl) {
        byte[] wire = record.toWire(Section.ANSWER);
        ByteBuffer.wrap(wire).putInt(record.getName().length() + 4, (int) ttl);
        return wire;
    }

    public static byte[] added(Record record) {
        return withTtl(record, record.getTTL());
    }

    public static byte[] removed(Record record) {
        return withTtl(record, REMOVE_TTL);
    }
}
