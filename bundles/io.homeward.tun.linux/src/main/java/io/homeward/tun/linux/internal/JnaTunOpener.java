package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.Native;

/** Opens TUN interfaces through {@code /dev/net/tun}, with JNA for the ioctl only. */
final class JnaTunOpener implements TunOpener {
    private final Path device;
    private final FdTable fds;
    private LibC libc;

    JnaTunOpener(Path device, FdTable fds) {
        this.device = device;
        this.fds = fds;
    }

    @Override
    public TunChannels open(String name) throws IOException {
        TunFile file = TunFile.open(device, fds, libc(), name);
        try {
            return file.channels();
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /** Loaded on first use so that a host without JNA's native part still starts the component. */
    private synchronized LibC libc() throws IOException {
        if (libc == null) {
            try {
                libc = Native.load("c", LibC.class);
            } catch (LinkageError e) {
                throw new IOException("cannot load the C library through JNA (is JNA's native part available"
                        + " for this platform?): " + e.getMessage(), e);
            }
        }
        return libc;
    }
}
