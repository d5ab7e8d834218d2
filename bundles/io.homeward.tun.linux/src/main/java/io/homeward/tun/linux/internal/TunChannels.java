package io.homeward.tun.linux.internal;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The two directions of one open TUN file. They are separate channels because a single FileChannel
 * serialises reads and writes, so a read blocked waiting for a packet would hold up every write.
 * Closing both closes the file, which removes a non-persistent interface.
 */
record TunChannels(ReadableByteChannel in, WritableByteChannel out) {
}
