package io.homeward.identity.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import org.osgi.service.log.Logger;

import io.homeward.api.identity.Eui64;
import io.homeward.kit.text.Eui64Text;

/**
 * Keeps the identity of the current runtime run in the bundle's data area, tagged with the
 * framework UUID, so a restarted component or bundle finds the same address and a new run of the
 * runtime (a new UUID) gets a new one.
 */
final class IdentityStore {
    private static final String UUID = "framework.uuid";
    private static final String EUI64 = "eui64";
    private static final String SOURCE = "eui64.source";
    private static final String ULA = "ula";

    private final Path file;
    private final Logger log;

    /** @param file where to keep the identity, or null when the framework gives the bundle no data area */
    IdentityStore(Path file, Logger log) {
        this.file = file;
        this.log = log;
    }

    /** The identity stored for this run, empty when none is stored or it belongs to another run. */
    Optional<StoredIdentity> load(String frameworkUuid) {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            if (!frameworkUuid.equals(p.getProperty(UUID))) {
                return Optional.empty();
            }
            return Optional.of(new StoredIdentity(Eui64Text.parse(required(p, EUI64)), required(p, SOURCE),
                    HexFormat.of().parseHex(required(p, ULA))));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("io.homeward.identity: ignoring the unreadable identity in " + file + " (" + e.getMessage()
                    + "); a new address is generated");
            return Optional.empty();
        }
    }

    /** Stores the identity for this run; written to a temporary file first so a crash never leaves half a file. */
    void save(String frameworkUuid, StoredIdentity identity) {
        if (file == null) {
            log.warn("io.homeward.identity: the framework gives this bundle no data area; the address will change"
                    + " if the bundle restarts");
            return;
        }
        Properties p = new Properties();
        p.setProperty(UUID, frameworkUuid);
        p.setProperty(EUI64, identity.eui64().toString());
        p.setProperty(SOURCE, identity.source());
        p.setProperty(ULA, HexFormat.of().formatHex(identity.ula()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "Homeward host identity of one runtime run");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("io.homeward.identity: cannot store the identity in " + file + " (" + e.getMessage()
                    + "); the address will change if the bundle restarts");
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }
}
