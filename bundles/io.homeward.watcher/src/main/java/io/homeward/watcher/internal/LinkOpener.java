package io.homeward.watcher.internal;

/** Finds a server for one mechanism and opens a link to it. */
interface LinkOpener {
    void open(Link.Receiver receiver, Completion<Link> result);
}
