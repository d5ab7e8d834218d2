package io.homeward.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The packages the launcher's class path exports into the framework, read from the same
 * {@code runtime.bnd} the features are resolved against, so resolution and runtime agree.
 */
final class SystemPackages {
    private SystemPackages() {
    }

    static String extra(OwnArchive archive) throws IOException {
        // bnd files use the Properties syntax: '\' continues a line, '#' starts a comment.
        Properties bnd = new Properties();
        try (InputStream in = archive.open("runtime.bnd")) {
            bnd.load(in);
        }
        String packages = bnd.getProperty("-runsystempackages");
        if (packages == null) {
            throw new IOException("runtime.bnd has no -runsystempackages");
        }
        return packages.replaceAll("\\s+", "");
    }
}
