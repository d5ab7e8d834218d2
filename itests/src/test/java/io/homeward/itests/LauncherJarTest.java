package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promises about {@code java -jar launcher/target/homeward.jar}, checked on the real jar. */
class LauncherJarTest {

    @Test
    void agentStartsShowsTheConsoleAndStopsCleanlyOnSigterm(@TempDir Path data) throws Exception {
        int port = ShippedRuntime.consolePort("launcher-agent");
        try (LauncherProcess launcher = LauncherProcess.start("--feature", "agent", "--data", data.toString(),
                "--console-port", Integer.toString(port), "--no-shell", "--config", ShippedRuntime.hostSafeConfig().toString())) {
            String line = launcher.awaitLine("Web console:", 60);
            assertTrue(line.contains("http://127.0.0.1:" + port + "/system/console"), line);
            Path passwordFile = data.resolve("console-password");
            assertTrue(line.contains(passwordFile.toString()), line);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            String password = Files.readString(passwordFile).strip();

            String url = "http://127.0.0.1:" + port + "/system/console/bundles.json";
            assertEquals(401, Http.get(url, null, null).status());
            Http.Response bundles = Http.get(url, "admin", password);
            assertEquals(200, bundles.status());
            int count = ShippedRuntime.bundleFiles("agent").size() + 1;
            assertTrue(bundles.body().contains("all " + count + " bundles active"), bundles.body());

            launcher.terminate();
            List<String> terminal = launcher.outputUntilExit(30);
            assertTrue(terminal.stream().noneMatch(l -> l.contains("[DEBUG]")), "no bundle writes to the terminal behind the log: " + terminal);
            assertTrue(Files.readString(data.resolve("homeward.log")).contains("Homeward stopped (clean)"));
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void aChangeMadeInTheWebConsoleSurvivesARestart(@TempDir Path data) throws Exception {
        int port = ShippedRuntime.consolePort("launcher-restart");
        String[] args = {"--feature", "agent", "--data", data.toString(), "--console-port", Integer.toString(port), "--no-shell",
            "--config", ShippedRuntime.hostSafeConfig().toString()};
        String identity = "http://127.0.0.1:" + port + "/system/console/homeward-network/runtime.json";
        try (LauncherProcess launcher = LauncherProcess.start(args)) {
            launcher.awaitLine("Web console:", 60);
            String password = Files.readString(data.resolve("console-password")).strip();
            // What the console's configuration form posts when an operator saves the host name.
            int status = Http.post("http://127.0.0.1:" + port + "/system/console/configMgr/io.homeward.identity", "admin", password,
                    "apply=true&action=ajaxConfigManager&propertylist=hostName,interfaceName&hostName=renamed-host&interfaceName=");
            assertTrue(status < 400, "the console accepted the change: " + status);
            assertTrue(Await.until("the new name in use", () -> body(identity, password), b -> b.contains("\"hostName\":\"renamed-host\"")) != null);
            launcher.terminate();
            launcher.outputUntilExit(30);
        }
        try (LauncherProcess again = LauncherProcess.start(args)) {
            again.awaitLine("Web console:", 60);
            String password = Files.readString(data.resolve("console-password")).strip();
            assertTrue(body(identity, password).contains("\"hostName\":\"renamed-host\""), "still renamed after the restart");
            again.terminate();
            again.outputUntilExit(30);
        }
    }

    private static String body(String url, String password) {
        try {
            return Http.get(url, "admin", password).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void brokenConfigurationIsOneLineWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("homeward.json"), "{ \"io.homeward.identity\": { \"hostName\": \"x\" ");
        try (LauncherProcess launcher = LauncherProcess.start("--config", config.toString(), "--data", dir.resolve("data").toString(),
                "--console-port", Integer.toString(ShippedRuntime.consolePort("launcher-badconfig")), "--no-shell")) {
            List<String> output = launcher.outputUntilExit(30);
            assertEquals(1, launcher.exitValue());
            assertEquals(List.of("homeward: cannot start: bad configuration file " + config.resolve("homeward.json")
                    + ", line 1, column 45: the file ends where '}' was expected"), output);
        }
    }

    @Test
    void unknownOptionIsOneLineAndStatusTwo() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start("--featur", "agent")) {
            List<String> output = launcher.outputUntilExit(30);
            assertEquals(2, launcher.exitValue());
            assertEquals(List.of("homeward: unknown option '--featur' (see --help)"), output);
        }
    }
}
