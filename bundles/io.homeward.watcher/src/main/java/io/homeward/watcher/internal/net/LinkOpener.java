package io.homeward.watcher.internal.net;

import org.osgi.util.promise.Promise;

/** Finds a server for one mechanism and opens a link to it; the promise resolves on the logic thread. */
public interface LinkOpener {
    Promise<Link> open(Link.Receiver receiver);
}
