package io.homeward.watcher.internal;

import org.osgi.util.promise.Promise;

/** Finds a server for one mechanism and opens a link to it; the promise resolves on the logic thread. */
interface LinkOpener {
    Promise<Link> open(Link.Receiver receiver);
}
