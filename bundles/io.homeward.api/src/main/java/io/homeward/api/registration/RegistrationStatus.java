package io.homeward.api.registration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registrar's view for an operator: what {@code homeward:registration} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface RegistrationStatus {

    RegistrationState state();
}
