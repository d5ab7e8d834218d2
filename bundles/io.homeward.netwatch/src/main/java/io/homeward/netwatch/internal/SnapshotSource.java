package io.homeward.netwatch.internal;

import java.io.IOException;

/** Reads the host's network as it is now; a seam so tests supply their own pictures. */
interface SnapshotSource {
    NetworkSnapshot take() throws IOException;
}
