package io.homeward.api.registration;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes this host's record set with an update lease (RFC 9664) and keeps it refreshed until
 * it is withdrawn.
 */
@ProviderType
public interface RecordRegistrar {

    /** Publishes or replaces the record set; returns once the server has acknowledged it. */
    Registration publish(HostRecordSet records, Duration lease) throws RegistrationException;

    /** Removes the published set from the server at once. */
    void withdraw() throws RegistrationException;

    /** The registration currently held, if any. */
    Optional<Registration> current();
}
