package io.homeward.api.runtime;

/**
 * One installed provider of a capability contract.
 *
 * @param name      what the provider calls itself (a protocol or suite name), else its component name
 * @param bundle    the symbolic name of the bundle that registered it
 * @param serviceId the service id
 * @param ranking   its {@code service.ranking}
 * @param active    whether it is the provider in use
 */
public record ProviderInfo(String name, String bundle, long serviceId, int ranking, boolean active) {
}
