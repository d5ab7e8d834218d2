package io.homeward.peers.internal;

/** The directory's state for the shell command and the console page of this bundle. */
public interface DirectoryStatus {
    DirectoryReport report();
}
