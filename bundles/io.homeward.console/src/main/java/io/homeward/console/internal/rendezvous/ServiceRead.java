package io.homeward.console.internal.rendezvous;

import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.log.Logger;

/**
 * One part of a view: what a service reported, or why nothing could be shown.
 *
 * @param content what the service reported; empty when it is missing or failed
 * @param problem why the content is empty; null when it is present
 */
record ServiceRead<T>(Optional<T> content, String problem) {

    /**
     * Reads one service that may be absent (an optional dynamic reference) and may fail while its
     * provider stops; neither case stops the rest of the view from being shown.
     */
    static <S, T> ServiceRead<T> read(S service, Function<S, T> reader, RendezvousSource source, Logger log) {
        if (service == null) {
            return new ServiceRead<>(Optional.empty(), source.notRunning());
        }
        try {
            return new ServiceRead<>(Optional.of(reader.apply(service)), null);
        } catch (RuntimeException e) {
            log.warn("Reading {} for an operator view failed", source.key(), e);
            return new ServiceRead<>(Optional.empty(), source.failed(e));
        }
    }
}
