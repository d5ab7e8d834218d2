package io.homeward.portmap.internal;

import java.time.Instant;

/**
 * What happened the last time a mapper was asked for the tunnel mapping.
 *
 * @param answered whether the gateway granted a mapping over this protocol
 * @param detail   the mapper's reason when it did not
 * @param at       when it was asked
 */
record ProtocolResult(boolean answered, String detail, Instant at) {
}
