package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

    /** Reads every intact frame; a damaged tail is truncated away and reported in the result. */
    public ReadResult readAll() throws IOException {
        long size = channel.size();
        List<byte[]> frames = new ArrayList<>();
        long position = 0;
        String damage = null;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position < size) {
            if (size - position < HEADER) {
                damage = "a frame header cut short at byte " + position;
                break;
            }
            header.clear();
            readFully(header, position);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            if (length < 0 || length > MAX_FRAME || length > size - position - HEADER) {
                damage = "a frame of impossible or cut-short length " + length + " at byte " + position;
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, position + HEADER);
            if (checksum(payload.array()) != crc) {
                damage = "a frame with a wrong checksum at byte " + position;
                break;
            }
            frames.add(payload.array());
            position += HEADER + length;
        }
        if (damage != null) {
            channel.truncate(position);
            channel.force(true);
        }
        channel.position(position);
        return new ReadResult(frames, damage, size - position);
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
     * @param frames      the intact frames in order
     * @param damage      what was wrong with the tail, or null when the file was intact
     * @param bytesCutOff how many bytes of damaged tail were removed
     */
    public record ReadResult(List<byte[]> frames, String damage, long bytesCutOff) {
    }
}
