package io.homeward.signin.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.homeward.api.auth.Credentials;
import io.homeward.api.runtime.ProviderProperties;

/** Registers Credentials as an OSGi service only while signed in. */
final class ServicePublisher implements CredentialsPublisher {
    static final String PROVIDER = "password-tsig";

    private final BundleContext context;
    private ServiceRegistration<Credentials> registration;

    ServicePublisher(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized void publish(Credentials credentials) {
        withdraw();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ProviderProperties.NAME, PROVIDER);
        registration = context.registerService(Credentials.class, credentials, properties);
    }

    @Override
    public synchronized void withdraw() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework unregistered it first.
            }
            registration = null;
        }
    }
}
