package io.homeward.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;

/** The public endpoint contract with an endpoint the test reports. */
public final class FakePublicEndpoints implements PublicEndpoints {
    private final List<PublicEndpointListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<PublicEndpoint> current;

    public FakePublicEndpoints(Optional<PublicEndpoint> current) {
        this.current = current;
    }

    /** Tells every listener, as the provider does when it learns something (even the same endpoint again). */
    public void report(Optional<PublicEndpoint> next) {
        Optional<PublicEndpoint> previous = current;
        current = next;
        listeners.forEach(listener -> listener.publicEndpointChanged(previous, next));
    }

    public List<PublicEndpointListener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    public Optional<PublicEndpoint> current() {
        return current;
    }

    @Override
    public void addPublicEndpointListener(PublicEndpointListener listener) {
        listeners.add(listener);
        listener.publicEndpointChanged(Optional.empty(), current);
    }

    @Override
    public void removePublicEndpointListener(PublicEndpointListener listener) {
        listeners.remove(listener);
    }
}
