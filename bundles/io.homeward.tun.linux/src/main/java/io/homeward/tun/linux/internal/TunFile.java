package io.homeward.tun.linux.internal;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/**
 * One open {@code /dev/net/tun} attached to an interface. Java opens the file so that Java owns the
 * descriptor and NIO channels can use it; the descriptor's number, which JNA needs for the ioctl, is the one
 * that appeared in {@code /proc/self/fd} across the open.
 */
final class TunFile {
    /** {@code _IOW('T', 202, int)} from linux/if_tun.h. */
    static final long TUNSETIFF = 0x400454caL;
    static final short IFF_TUN = 0x0001;
    static final short IFF_NO_PI = 0x1000;
    /** sizeof(struct ifreq) on 64-bit Linux: a 16-byte name and a 24-byte union whose first member is the flags. */
    private static final int IFREQ_SIZE = 40;
    private static final int IFNAMSIZ = 16;
    /** Every open in this JVM goes through here one at a time, so the new descriptor is ours alone. */
    private static final Object OPENING = new Object();

    private final RandomAccessFile file;
    private final int fd;

    private TunFile(RandomAccessFile file, int fd) {
        this.file = file;
        this.fd = fd;
    }

    static TunFile open(Path device, FdTable fds, LibC libc, String name) throws IOException {
        if (!Files.exists(device)) {
            throw TunErrors.noTunDevice(name, device.toString());
        }
        RandomAccessFile file;
        int fd;
        synchronized (OPENING) {
            Set<Integer> before = fds.openOn(device);
            try {
                file = new RandomAccessFile(device.toFile(), "rw");
            } catch (FileNotFoundException e) {
                throw TunErrors.cannotOpen(name, device.toString(), e.getMessage());
            }
            Set<Integer> added = new HashSet<>(fds.openOn(device));
            added.removeAll(before);
            if (added.size() != 1) {
                file.close();
                throw new IOException("cannot create TUN interface " + name + ": cannot tell which of descriptors "
                        + added + " is the " + device + " just opened");
            }
            fd = added.iterator().next();
        }
        try {
            libc.ioctl(fd, new NativeLong(TUNSETIFF), ifreq(name, (short) (IFF_TUN | IFF_NO_PI)));
        } catch (LastErrorException e) {
            file.close();
            throw TunErrors.setIff(name, e.getErrorCode(), e.getMessage());
        }
        return new TunFile(file, fd);
    }

    /** struct ifreq (netdevice(7)) with the interface name and the flags, in native byte order. */
    static byte[] ifreq(String name, short flags) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name " + name + " is longer than 15 characters");
        }
        ByteBuffer request = ByteBuffer.allocate(IFREQ_SIZE).order(ByteOrder.nativeOrder());
        request.put(ascii).position(IFNAMSIZ);
        request.putShort(flags);
        return request.array();
    }

    int fd() {
        return fd;
    }

    /** Two channels on the one descriptor; closing either closes the file (FileDescriptor closes all users). */
    TunChannels channels() throws IOException {
        return new TunChannels(new FileInputStream(file.getFD()).getChannel(),
                new FileOutputStream(file.getFD()).getChannel());
    }

    void close() throws IOException {
        file.close();
    }
}
