package io.homeward.rendezvous.dns.internal.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import io.homeward.rendezvous.dns.internal.zone.JournalEntry;
import io.homeward.rendezvous.dns.internal.zone.ZoneDelta;

/**
 * Binary form of {@link JournalEntry}: a kind byte, the zone name in DNS wire form, then the kind's fields.
 * Records are stored in uncompressed DNS wire form, lease ends as Unix seconds.
 */
final class JournalCodec {
    private static final int ADDED = 1;
    private static final int REMOVED = 2;
    private static final int CHANGED = 3;
    /** Guards decoding against a corrupt count that passed the checksum. */
    private static final int MAX_ITEMS = 1_000_000;

    private JournalCodec() {
    }

    public static byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry instanceof JournalEntry.ZoneAdded added) {
                out.writeByte(ADDED);
                writeBytes(out, added.zone().toWireCanonical());
                out.writeLong(added.serial());
            } else if (entry instanceof JournalEntry.ZoneRemoved removed) {
                out.writeByte(REMOVED);
                writeBytes(out, removed.zone().toWireCanonical());
            } else if (entry instanceof JournalEntry.ZoneChanged changed) {
                out.writeByte(CHANGED);
                writeBytes(out, changed.zone().toWireCanonical());
                writeDelta(out, changed.delta());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not an entry this codec wrote */
    public static JournalEntry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int kind = in.readUnsignedByte();
            Name zone = new Name(readBytes(in));
            return switch (kind) {
                case ADDED -> new JournalEntry.ZoneAdded(zone, in.readLong());
                case REMOVED -> new JournalEntry.ZoneRemoved(zone);
                case CHANGED -> new JournalEntry.ZoneChanged(zone, readDelta(in));
                default -> throw new IOException("unknown journal entry kind " + kind);
            };
        } catch (RuntimeException e) {
            throw new IOException("undecodable journal entry: " + e.getMessage(), e);
        }
    }

    private static void writeDelta(DataOutputStream out, ZoneDelta delta) throws IOException {
        out.writeLong(delta.serial());
        writeRecords(out, delta.removed());
        writeRecords(out, delta.added());
        out.writeInt(delta.leased().size());
        for (Map.Entry<Record, Instant> lease : delta.leased().entrySet()) {
            writeBytes(out, lease.getKey().toWire(Section.ANSWER));
            out.writeLong(lease.getValue().getEpochSecond());
        }
        writeRecords(out, List.copyOf(delta.unleased()));
    }

    private static ZoneDelta readDelta(DataInputStream in) throws IOException {
        long serial = in.readLong();
        List<Record> removed = readRecords(in);
        List<Record> added = readRecords(in);
        int leases = count(in);
        Map<Record, Instant> leased = new HashMap<>();
        for (int i = 0; i < leases; i++) {
            Record record = Record.fromWire(readBytes(in), Section.ANSWER);
            leased.put(record, Instant.ofEpochSecond(in.readLong()));
        }
        Set<Record> unleased = new HashSet<>(readRecords(in));
        return new ZoneDelta(serial, removed, added, leased, unleased);
    }

    private static void writeRecords(DataOutputStream out, List<Record> records) throws IOException {
        out.writeInt(records.size());
        for (Record r : records) {
            writeBytes(out, r.toWire(Section.ANSWER));
        }
    }

    private static List<Record> readRecords(DataInputStream in) throws IOException {
        int n = count(in);
        List<Record> records = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            records.add(Record.fromWire(readBytes(in), Section.ANSWER));
        }
        return records;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ITEMS) {
            throw new IOException("implausible item count " + n);
        }
        return n;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return bytes;
    }
}
