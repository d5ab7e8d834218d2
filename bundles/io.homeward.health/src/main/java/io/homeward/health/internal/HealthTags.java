package io.homeward.health.internal;

/**
 * The tags of Homeward's health checks: {@code homeward}, and {@code default}, which Felix Health Checks runs when no
 * tag is asked for (the console's Execute, {@code hc:exec} without arguments).
 */
final class HealthTags {
    /** Tag of every Homeward check. */
    static final String HOMEWARD = "hc.tags=homeward";
    /** Run when no tag is asked for; with {@link #HOMEWARD} the DS property becomes an array of both. */
    static final String DEFAULT = "hc.tags=default";

    private HealthTags() {
    }
}
