package io.homeward.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The resources packed with the launcher (bundles, feature lists, default configuration), read from
 * the launcher's jar, or from its classes directory when run from the build.
 */
final class OwnArchive {
    private final Path location;

    OwnArchive(Path location) {
        this.location = location;
    }

    static OwnArchive ofLauncher() {
        try {
            return new OwnArchive(Path.of(OwnArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the launcher cannot find its own archive", e);
        }
    }

    /** Names of the entries directly inside a folder, sorted. */
    List<String> list(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path dir = location.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
                }
            }
        } else {
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(prefix) && !entry.isDirectory() && name.indexOf('/', prefix.length()) < 0) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** A URL for an entry, which bundles such as the Configurator can open themselves. */
    URL url(String path) {
        try {
            if (Files.isDirectory(location)) {
                return location.resolve(path).toUri().toURL();
            }
            return new URL("jar:" + location.toUri() + "!/" + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String path) throws IOException {
        InputStream in = OwnArchive.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IOException("the launcher has no " + path + " inside");
        }
        return in;
    }
}
