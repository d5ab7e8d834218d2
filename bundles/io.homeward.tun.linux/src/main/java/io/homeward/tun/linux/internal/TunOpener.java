package io.homeward.tun.linux.internal;

import java.io.IOException;

/** Creates (or attaches to) a TUN interface; the seam unit tests fake. */
interface TunOpener {

    /** @throws IOException whose message says why the interface could not be had */
    TunChannels open(String name) throws IOException;
}
