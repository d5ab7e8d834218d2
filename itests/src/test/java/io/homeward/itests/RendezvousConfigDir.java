package io.homeward.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A --config directory for a rendezvous launched in the host's network namespace: every listener on a free
 * loopback port, so it meets no other runtime.
 */
final class RendezvousConfigDir {
    final int dnsPort = freePort();
    final int tlsPort = freePort();
    final int stunPort = freePort();

    /** Writes {@code dir/homeward.json} under the Configurator name {@code name}, with {@code extra} PIDs. */
    Path write(Path dir, String name, int dnsPort, String extra) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "%s",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "bindAddress": "127.0.0.1", "port": %d, "tlsPort": %d },
                  "io.homeward.rendezvous.dns": { "domain": "members.example.", "tlsPort": %d },
                  "io.homeward.rendezvous.stun": { "bindAddress": "127.0.0.1", "port": %d }%s
                }
                """.formatted(name, dnsPort, tlsPort, tlsPort, stunPort, extra));
        return dir;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
