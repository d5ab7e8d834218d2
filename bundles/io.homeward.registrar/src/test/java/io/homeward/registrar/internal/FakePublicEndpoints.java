package io.homeward.registrar.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;

/** The public endpoint contract with an endpoint the test sets. */
final class FakePublicEndpoints implements PublicEndpoints {
    final List<PublicEndpointListener> listeners = new ArrayList<>();
    private Optional<PublicEndpoint> current = Optional.empty();

    FakePublicEndpoints(Optional<PublicEndpoint> current) {
        this.current = current;
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
