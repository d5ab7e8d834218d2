package io.homeward.api.tunnel;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An open layer-3 TUN interface. Reads and writes may run on different threads at once; each
 * moves exactly one IP packet.
 */
@ProviderType
public interface TunDevice extends AutoCloseable {

    /** The interface name, for example {@code homeward0}. */
    String name();

    /** The interface MTU in bytes. */
    int mtu();

    /** Blocks until a packet arrives and puts it into the buffer; returns its length. */
    int read(ByteBuffer packet) throws IOException;

    /** Writes one packet from the buffer's position to its limit. */
    void write(ByteBuffer packet) throws IOException;

    @Override
    void close() throws IOException;
}
