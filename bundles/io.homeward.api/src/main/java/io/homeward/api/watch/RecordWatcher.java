package io.homeward.api.watch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Watches DNS names without polling where the server allows (DNS Push RFC 8765, LLQ RFC 8764),
 * by polling otherwise.
 */
@ProviderType
public interface RecordWatcher {

    /**
     * Subscribes to the records of one name and type. The listener first hears the current
     * answers as adds, then every add and remove, each once.
     */
    Subscription subscribe(String name, int type, RecordListener listener);
}
