package io.homeward.watcher.internal;

import org.xbill.DNS.Name;

import io.homeward.api.watch.WatchMechanism;

import io.homeward.watcher.internal.session.MechanismSession;
import io.homeward.watcher.internal.session.SessionEvents;

/** Makes the session for a mechanism, or null when the settings forbid that mechanism. */
interface SessionSource {
    MechanismSession create(WatchMechanism mechanism, Name name, int type, SessionEvents events);
}
