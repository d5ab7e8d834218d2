package io.homeward.health.internal;

/**
 * One installed bundle as the health check sees it.
 *
 * @param id           the bundle id
 * @param symbolicName its symbolic name
 * @param state        its {@link org.osgi.framework.Bundle} state constant
 * @param fragment     whether it is a fragment, which never becomes ACTIVE
 */
record BundleFacts(long id, String symbolicName, int state, boolean fragment) {
}
