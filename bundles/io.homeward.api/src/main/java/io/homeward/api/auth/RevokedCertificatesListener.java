package io.homeward.api.auth;

import java.math.BigInteger;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when certificates become revoked; added on {@link RevokedCertificates}.
 *
 * @since 1.2
 */
@ConsumerType
public interface RevokedCertificatesListener {

    /** These serial numbers were revoked since the last call. */
    void revoked(Set<BigInteger> serials);
}
