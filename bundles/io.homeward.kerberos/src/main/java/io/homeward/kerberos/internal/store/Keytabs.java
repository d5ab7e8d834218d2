package io.homeward.kerberos.internal.store;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIT keytab file format, version 0x502, as MIT krb5's {@code kt_file.c} reads and writes it (also the format of
 * Java's {@code javax.security.auth.kerberos.KeyTab}): the two octets {@code 05 02}, then entries, each preceded by its
 * length as a signed 32-bit integer (negative: a hole of that many octets left by a deleted entry; zero: the end).
 * An entry, all integers big endian: the number of name components (16 bits, the realm not counted), the realm and
 * each component as a 16-bit length and that many octets, the name type (32 bits), the timestamp (32-bit seconds),
 * the key version number's low 8 bits, the key as its enctype (16 bits) and a 16-bit length and octets, and the full
 * 32-bit key version number, which a reader uses instead of the 8-bit one when it is there and not zero.
 */
public final class Keytabs {
    static final int VERSION = 0x0502;
    private static final int MAX_COMPONENTS = 16;

    private Keytabs() {
    }

    /** The keytab with these entries, in this order. */
    public static byte[] write(List<KeytabEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION >>> 8);
        out.write(VERSION & 0xFF);
        for (KeytabEntry entry : entries) {
            byte[] body = entry(entry);
            out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] entry(KeytabEntry entry) {
        if (entry.components().isEmpty() || entry.components().size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a principal has 1 to " + MAX_COMPONENTS + " name components, not "
                    + entry.components().size() + ": " + entry.principal());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint16(entry.components().size()));
        counted(out, entry.realm().getBytes(StandardCharsets.UTF_8));
        entry.components().forEach(c -> counted(out, c.getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(ByteBuffer.allocate(4).putInt(entry.nameType()).array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) entry.timestamp().getEpochSecond()).array());
        out.write((int) (entry.kvno() & 0xFF));
        out.writeBytes(uint16(entry.enctype()));
        counted(out, entry.key());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) entry.kvno()).array());
        return out.toByteArray();
    }

    private static void counted(ByteArrayOutputStream out, byte[] octets) {
        out.writeBytes(uint16(octets.length));
        out.writeBytes(octets);
    }

    private static byte[] uint16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("a keytab field holds 0 to 65535, not " + value);
        }
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    /**
     * The entries of a keytab, holes skipped.
     *
     * @throws MalformedKeytabException with the offset and what is wrong there
     */
    public static List<KeytabEntry> read(byte[] keytab) throws MalformedKeytabException {
        ByteBuffer in = ByteBuffer.wrap(keytab);
        if (in.remaining() < 2) {
            throw new MalformedKeytabException("not a keytab: " + keytab.length + " bytes, too short for its version");
        }
        int version = in.getShort() & 0xFFFF;
        if (version != VERSION) {
            throw new MalformedKeytabException(String.format("not a keytab of version 0x502: it starts with 0x%04x",
                    version));
        }
        List<KeytabEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < 4) {
                throw new MalformedKeytabException("the keytab ends inside the length of an entry at byte " + at);
            }
            int size = in.getInt();
            if (size == 0) {
                break;
            }
            long length = Math.abs((long) size);
            if (length > in.remaining()) {
                throw new MalformedKeytabException("the keytab entry at byte " + at + " claims " + length
                        + " bytes; only " + in.remaining() + " follow");
            }
            if (size < 0) {
                in.position(in.position() + (int) length);
                continue;
            }
            ByteBuffer body = in.slice(in.position(), size);
            in.position(in.position() + size);
            try {
                entries.add(entry(body));
            } catch (BufferUnderflowException e) {
                throw new MalformedKeytabException("the keytab entry at byte " + at + " ends inside one of its fields");
            } catch (MalformedKeytabException e) {
                throw new MalformedKeytabException("the keytab entry at byte " + at + " " + e.getMessage());
            }
        }
        return entries;
    }

    private static KeytabEntry entry(ByteBuffer body) throws MalformedKeytabException {
        int count = body.getShort() & 0xFFFF;
        if (count == 0 || count > MAX_COMPONENTS) {
            throw new MalformedKeytabException("has " + count + " name components; a principal has 1 to "
                    + MAX_COMPONENTS);
        }
        String realm = text(body);
        List<String> components = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            components.add(text(body));
        }
        int nameType = body.getInt();
        Instant timestamp = Instant.ofEpochSecond(body.getInt() & 0xFFFF_FFFFL);
        long kvno = body.get() & 0xFF;
        int enctype = body.getShort() & 0xFFFF;
        byte[] key = new byte[body.getShort() & 0xFFFF];
        body.get(key);
        if (body.remaining() >= 4) {
            long full = body.getInt() & 0xFFFF_FFFFL;
            if (full != 0) {
                kvno = full;
            }
        }
        return new KeytabEntry(components, realm, nameType, timestamp, kvno, enctype, key);
    }

    private static String text(ByteBuffer body) {
        byte[] octets = new byte[body.getShort() & 0xFFFF];
        body.get(octets);
        return new String(octets, StandardCharsets.UTF_8);
    }
}
