package io.homeward.watcher.internal;

import org.xbill.DNS.Name;

/** Makes the session for a mechanism, or null when the settings forbid that mechanism. */
interface SessionSource {
    WatchSession create(String mechanism, Name name, int type, SessionEvents events);
}
