package io.homeward.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks before start that the console can have its address and port, so a clash is one clear line. */
final class PortCheck {
    private PortCheck() {
    }

    static void ensureFree(String address, int port) throws StartupException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new StartupException("the web console cannot listen on " + address + ":" + port + " (" + e.getMessage()
                    + "); choose another with --console-port or --console-address");
        }
    }
}
