package io.homeward.api.config;

import java.util.List;

/**
 * The configuration values kept from their components now, because their metatype refuses them.
 *
 * @since 1.0
 */
public interface ConfigurationProblems {

    /** The refused values in force, by PID and property; empty when every component has what it was given. */
    List<RefusedValue> refused();
}
