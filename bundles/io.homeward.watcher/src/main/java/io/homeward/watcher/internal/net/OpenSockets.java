package io.homeward.watcher.internal.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.log.Logger;

/** Every socket the watcher has open, so stopping the component closes them all. */
final class OpenSockets {
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Logger log;

    OpenSockets(Logger log) {
        this.log = log;
    }

    <T extends Closeable> T track(T socket) {
        open.add(socket);
        return socket;
    }

    void close(Closeable socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing a watcher socket failed: {}", e.getMessage());
        }
    }

    void closeAll() {
        for (Closeable socket : open) {
            close(socket);
        }
    }
}
