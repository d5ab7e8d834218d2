package io.homeward.watcher.internal;

import java.util.List;

/** The live subscriptions, for the console and the Gogo command (a service inside this bundle only). */
public interface WatchStatusSource {
    List<WatchStatus> watches();
}
