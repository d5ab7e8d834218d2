package io.homeward.itests;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other local users can read nothing Homeward keeps: the data directory and every directory in it are owner-only
 * ({@code rwx------}), secret files are {@code rw-------}, and a manually keyed SA's key, which Configuration Admin
 * stores in clear, is in no file another user can reach.
 */
class LauncherPermissionsTest {
    private static final String OWNER_ONLY_DIRECTORY = "rwx------";
    /** 36 bytes: an AES-GCM-256 key and its salt, recognisable in any file it lands in. */
    private static final String ESP_KEY = HexFormat.of().formatHex("itest-esp-key-that-must-stay-private".getBytes());

    @TempDir
    Path dir;
    private final RendezvousConfigDir ports = new RendezvousConfigDir();

    @Test
    void aNewDataDirectoryAndEverythingInItIsUnreadableByOtherUsers() throws Exception {
        Path data = dir.resolve("data");
        Path config = ports.write(dir.resolve("config"), "itest-permissions", ports.dnsPort, """
                ,
                  "io.homeward.tunnel.manualsa~itest": { "peer": "laptop", "inboundSpi": "0x1000a001",
                    "outboundSpi": "0x1000b001", "inboundKey": "%s", "outboundKey": "%s" }""".formatted(ESP_KEY, ESP_KEY));
        try (LauncherProcess add = LauncherProcess.start(args(data, config, "--exec", "homeward:useradd alice alice-correct-horse"))) {
            add.outputUntilExit(60);
            assertEquals(0, add.exitValue());
        }
        try (LauncherProcess launcher = LauncherProcess.start(args(data, config, "--no-shell", "--console-port",
                Integer.toString(RendezvousConfigDir.freePort())))) {
            launcher.awaitLine("Web console:", 60);
            launcher.terminate();
            launcher.outputUntilExit(30);
        }

        assertEquals(OWNER_ONLY_DIRECTORY, permissions(data));
        List<Path> directories = list(data).stream().filter(Files::isDirectory).toList();
        assertTrue(directories.containsAll(List.of(data.resolve("framework"), data.resolve("dns"), data.resolve("tls"),
                data.resolve("accounts"))), directories.toString());
        for (Path directory : directories) {
            assertEquals(OWNER_ONLY_DIRECTORY, permissions(directory), directory.toString());
        }
        for (Path secret : List.of(data.resolve("console-password"), data.resolve("accounts/accounts.tsv"))) {
            assertFalse(hasAny(secret, GROUP_READ, OTHERS_READ), secret + " is " + permissions(secret));
        }
        List<Path> withKey = filesUnder(data).stream().filter(LauncherPermissionsTest::containsEspKey).toList();
        assertFalse(withKey.isEmpty(), "Configuration Admin keeps the manual SA's key somewhere in the data directory");
        for (Path file : filesUnder(data)) {
            assertFalse(readableByOthers(data, file), file + " can be read by other users");
        }
    }

    @Test
    void anExistingLooserDataDirectoryIsTightenedAndTheLogSaysSo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path tls = Files.createDirectories(data.resolve("tls"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tls, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = ports.write(dir.resolve("config"), "itest-permissions", ports.dnsPort, "");
        try (LauncherProcess add = LauncherProcess.start(args(data, config, "--exec", "homeward:useradd bob bob-correct-horse"))) {
            String line = add.awaitLine("owner-only", 60);
            assertTrue(line.contains(data.toString()) && line.contains(tls.toString()), line);
            add.outputUntilExit(60);
            assertEquals(0, add.exitValue());
        }
        assertEquals(OWNER_ONLY_DIRECTORY, permissions(data));
        assertEquals(OWNER_ONLY_DIRECTORY, permissions(tls));
    }

    private static String[] args(Path data, Path config, String... extra) {
        return Stream.concat(Stream.of("--feature", "rendezvous", "--data", data.toString(), "--config", config.toString()),
                Stream.of(extra)).toArray(String[]::new);
    }

    /** Whether a user other than the owner can read the file: it grants them read and every directory below DATA lets them through. */
    private static boolean readableByOthers(Path data, Path file) throws IOException {
        boolean group = hasAny(file, GROUP_READ);
        boolean others = hasAny(file, OTHERS_READ);
        for (Path directory = file.getParent(); directory.startsWith(data); directory = directory.getParent()) {
            group &= hasAny(directory, GROUP_EXECUTE);
            others &= hasAny(directory, OTHERS_EXECUTE);
        }
        return group || others;
    }

    private static boolean containsEspKey(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(ESP_KEY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasAny(Path path, PosixFilePermission... wanted) throws IOException {
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(path);
        return Stream.of(wanted).anyMatch(granted::contains);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList();
        }
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
