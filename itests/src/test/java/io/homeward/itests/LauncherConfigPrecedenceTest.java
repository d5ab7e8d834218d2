package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config} on a data directory that an earlier start configured: the file's values win over those the
 * earlier files set, a value an operator changed in the web console is kept, and the log says which, per PID.
 */
class LauncherConfigPrecedenceTest {
    private static final String TRANSPORT = "io.homeward.rendezvous.transport";

    @TempDir
    Path dir;
    private final RendezvousConfigDir ports = new RendezvousConfigDir();
    private final int consolePort = RendezvousConfigDir.freePort();

    @Test
    void aPortChangedInTheConfigFileIsUsedAfterARestartAndTheLogSaysSo() throws Exception {
        Path defaults = ports.write(dir.resolve("defaults"), "io.homeward.defaults", ports.dnsPort, "");
        runUntilConsole(defaults);
        assertTrue(Files.readString(dir.resolve("data/homeward.log")).contains("Configuration " + TRANSPORT + ": applied from"));

        int changed = RendezvousConfigDir.freePort();
        Path operator = ports.write(dir.resolve("operator"), "operator", changed, "");
        try (LauncherProcess launcher = launch(operator)) {
            String line = launcher.awaitLine("Configuration " + TRANSPORT + ":", 60);
            assertTrue(line.contains("applied [port] from " + operator.resolve("homeward.json").toUri().toURL()), line);
            launcher.awaitLine("Web console:", 60);
            Await.until("the new port in use", () -> accepts(changed), Boolean::booleanValue);
            assertFalse(accepts(ports.dnsPort), "the old port is closed");
            stop(launcher);
        }
    }

    @Test
    void aPortChangedInTheWebConsoleIsKeptOverTheConfigFileAndTheLogSaysWhy() throws Exception {
        Path defaults = ports.write(dir.resolve("defaults"), "io.homeward.defaults", ports.dnsPort, "");
        int operatorPort = RendezvousConfigDir.freePort();
        try (LauncherProcess launcher = launch(defaults)) {
            launcher.awaitLine("Web console:", 60);
            String password = Files.readString(dir.resolve("data/console-password")).strip();
            // What the console's configuration form posts when an operator saves the transport's port.
            int status = Http.post("http://127.0.0.1:" + consolePort + "/system/console/configMgr/" + TRANSPORT, "admin", password,
                    "apply=true&action=ajaxConfigManager&propertylist=bindAddress,port,tlsPort&bindAddress=127.0.0.1&port="
                            + operatorPort + "&tlsPort=" + ports.tlsPort);
            assertTrue(status < 400, "the console accepted the change: " + status);
            Await.until("the operator's port in use", () -> accepts(operatorPort), Boolean::booleanValue);
            stop(launcher);
        }

        Path file = ports.write(dir.resolve("operator"), "operator", RendezvousConfigDir.freePort(), "");
        try (LauncherProcess launcher = launch(file)) {
            String line = launcher.awaitLine("Configuration " + TRANSPORT + ":", 60);
            assertTrue(line.contains("kept as changed while running (web console, homeward:join); [port] from "
                    + file.resolve("homeward.json").toUri().toURL() + " not applied"), line);
            launcher.awaitLine("Web console:", 60);
            Await.until("the operator's port still in use", () -> accepts(operatorPort), Boolean::booleanValue);
            stop(launcher);
        }
    }

    private void runUntilConsole(Path config) throws Exception {
        try (LauncherProcess launcher = launch(config)) {
            launcher.awaitLine("Web console:", 60);
            Await.until("the rendezvous listening", () -> accepts(ports.dnsPort), Boolean::booleanValue);
            stop(launcher);
        }
    }

    private LauncherProcess launch(Path config) throws IOException {
        return LauncherProcess.start("--feature", "rendezvous", "--data", dir.resolve("data").toString(), "--config",
                config.toString(), "--console-port", Integer.toString(consolePort), "--no-shell");
    }

    private static void stop(LauncherProcess launcher) throws InterruptedException {
        launcher.terminate();
        launcher.outputUntilExit(30);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
