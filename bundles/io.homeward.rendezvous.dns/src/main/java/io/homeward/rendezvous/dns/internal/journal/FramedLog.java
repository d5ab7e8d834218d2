package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of frames {@code length(4) | crc32c(4) | payload}. {@link #append} forces to disk
 * before it returns; {@link #write} does not, and {@link #awaitDurable} forces once for every write made so
 * far, so that concurrent writers share one flush (group commit). Reading stops at the first frame that is cut
 * short or fails its checksum: that tail was being written when the process died and is cut off, earlier frames
 * stay.
 */
final class FramedLog implements AutoCloseable {
    /** Far above any real entry (a full zone of BTMM records is a few kilobytes); a larger length is garbage. */
    static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final int HEADER = 8;
    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final FileChannel channel;
    /** Serialises flushes; guards {@link #durable}. */
    private final Object flushLock = new Object();
    private long durable;

    public FramedLog(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    public Path path() {
        return path;
    }

    /**
     * Reads every intact frame. Damaged bytes are skipped up to the next intact frame, found again by its length
     * and checksum; when there were any, a copy of the file as found is kept beside it and the file is rewritten
     * with the intact frames only.
     */
    public ReadResult readAll() throws IOException {
        byte[] bytes = new byte[Math.toIntExact(channel.size())];
        readFully(ByteBuffer.wrap(bytes), 0);
        List<byte[]> frames = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        int damagedFrom = -1;
        int position = 0;
        while (position < bytes.length) {
            int length = intactFrameAt(bytes, position);
            if (length < 0) {
                damagedFrom = damagedFrom < 0 ? position : damagedFrom;
                position++;
                continue;
            }
            if (damagedFrom >= 0) {
                damage.add(new Damage(damagedFrom, position));
                damagedFrom = -1;
            }
            frames.add(Arrays.copyOfRange(bytes, position + HEADER, position + HEADER + length));
            position += HEADER + length;
        }
        if (damagedFrom >= 0) {
            damage.add(new Damage(damagedFrom, bytes.length));
        }
        Path copy = null;
        if (!damage.isEmpty()) {
            copy = keepCopy(bytes);
            rewrite(frames);
        }
        channel.position(channel.size());
        return new ReadResult(frames, damage, copy);
    }

    /** The payload length of the intact frame starting at {@code at}, or -1. Entries are never empty. */
    private static int intactFrameAt(byte[] bytes, int at) {
        if (bytes.length - at < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER);
        int length = header.getInt();
        if (length <= 0 || length > MAX_FRAME || length > bytes.length - at - HEADER) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, at + HEADER, length);
        return (int) crc.getValue() == header.getInt() ? length : -1;
    }

    /** Writes the file as found to {@code <name>.damaged-<UTC time>} and forces it, before anything is cut. */
    private Path keepCopy(byte[] bytes) throws IOException {
        Path copy = path.resolveSibling(path.getFileName() + ".damaged-" + COPY_TIME.format(Instant.now()));
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            forceDirectory(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            // Some platforms cannot force a directory; the copy itself is on the device.
        }
        return copy;
    }

    private void rewrite(List<byte[]> frames) throws IOException {
        synchronized (flushLock) {
            channel.truncate(0);
            long at = 0;
            for (byte[] payload : frames) {
                writeFrame(at, payload);
                at = channel.position();
            }
            channel.force(true);
            durable = at;
        }
    }

    /** Makes a new or renamed directory entry durable (POSIX: it lives in the directory's data). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Appends one frame without forcing it; returns the offset its end has in the file, for
     * {@link #awaitDurable}. Writers must not run concurrently with each other.
     */
    public long write(byte[] payload) throws IOException {
        long start = channel.size();
        try {
            writeFrame(start, payload);
            return channel.position();
        } catch (IOException e) {
            channel.truncate(start);
            throw e;
        }
    }

    /**
     * Returns once every byte up to {@code offset} is on the device. One caller flushes for all the
     * writes made before its flush began; callers whose writes it covered return without flushing.
     */
    public void awaitDurable(long offset) throws IOException {
        synchronized (flushLock) {
            if (durable >= offset) {
                return;
            }
            long target = channel.size();
            // fdatasync also flushes the new file length, which reading the appended data needs.
            channel.force(false);
            durable = target;
        }
    }

    /** Appends one frame and forces it to the device. */
    public void append(byte[] payload) throws IOException {
        appendAll(List.of(payload));
    }

    /** Appends frames and forces them to the device once. */
    public void appendAll(List<byte[]> payloads) throws IOException {
        long start = channel.size();
        try {
            channel.position(start);
            for (byte[] payload : payloads) {
                writeFrame(channel.position(), payload);
            }
            // fdatasync also flushes the new file length, which reading the appended data needs.
            synchronized (flushLock) {
                channel.force(false);
                durable = channel.size();
            }
        } catch (IOException e) {
            // Leave no half frame behind for the next append to follow.
            channel.truncate(start);
            throw e;
        }
    }

    public long size() throws IOException {
        return channel.size();
    }

    /** Empties the file; offsets start again at 0, so no flush may be running meanwhile. */
    public void clear() throws IOException {
        synchronized (flushLock) {
            channel.truncate(0);
            channel.position(0);
            channel.force(true);
            durable = 0;
        }
    }

    private void writeFrame(long at, byte[] payload) throws IOException {
        channel.position(at);
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + path + " at byte " + at);
            }
            at += n;
        }
    }

    /**
     * @param frames the intact frames in order
     * @param damage the damaged byte ranges skipped, in order; empty when the file was intact
     * @param copy   the copy of the file as found, kept when something was damaged, else null
     */
    public record ReadResult(List<byte[]> frames, List<Damage> damage, Path copy) {
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of the file as found held no intact frame. */
    public record Damage(long from, long to) {
        public long bytes() {
            return to - from;
        }
    }
}
