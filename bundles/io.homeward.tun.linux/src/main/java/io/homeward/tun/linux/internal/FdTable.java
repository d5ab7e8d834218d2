package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** This process's open file descriptors as {@code /proc/self/fd} lists them (proc(5)). */
final class FdTable {
    private final Path directory;

    FdTable(Path directory) {
        this.directory = directory;
    }

    /** The descriptors open on the file, for example every descriptor open on /dev/net/tun. */
    Set<Integer> openOn(Path file) throws IOException {
        Set<Integer> found = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (file.equals(target(entry))) {
                    found.add(Integer.parseInt(entry.getFileName().toString()));
                }
            }
        }
        return found;
    }

    /** The directory's own descriptor is gone by the time its link is read: that entry is skipped. */
    private static Path target(Path entry) {
        try {
            return Files.readSymbolicLink(entry);
        } catch (IOException e) {
            return null;
        }
    }
}
