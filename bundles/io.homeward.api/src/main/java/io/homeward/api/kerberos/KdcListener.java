package io.homeward.api.kerberos;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears when this host's KDC starts or stops answering: a bundle that must act only while the KDC answers (the
 * registrar publishing its DNS records, a service registering its principal) adds one to {@link KerberosServices}.
 * A renamed host's KDC stops answering for the old realm (empty) before it answers for the new one.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface KdcListener {

    /**
     * The KDC answers for {@code realm} from now on, or (empty) no longer answers. Called on the KDC's own thread,
     * one call at a time, so it must not block.
     */
    void kdcChanged(Optional<String> realm);
}
