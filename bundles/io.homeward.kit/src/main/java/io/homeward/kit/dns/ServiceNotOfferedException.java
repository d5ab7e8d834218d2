package io.homeward.kit.dns;

import java.io.IOException;

/** The zone publishes no server for the service: a configuration matter, not a passing outage. */
public final class ServiceNotOfferedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ServiceNotOfferedException(String message) {
        super(message);
    }
}
