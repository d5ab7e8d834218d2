package io.homeward.api.portmap;

/**
 * Something happened to a mapping.
 *
 * @param kind    what happened
 * @param mapping the mapping as it is now (for {@link Kind#LOST}, as it was)
 */
public record PortMappingEvent(Kind kind, PortMapping mapping) {

    /** What happened to the mapping. */
    public enum Kind {
        /** The gateway granted a new mapping. */
        MAPPED,
        /** The gateway renewed it with the same external endpoint. */
        RENEWED,
        /** The external address or port changed (gateway reboot, new public address). */
        CHANGED,
        /** The mapping is gone and could not be obtained again. */
        LOST
    }
}
