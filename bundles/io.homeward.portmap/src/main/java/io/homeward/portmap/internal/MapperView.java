package io.homeward.portmap.internal;

/**
 * One installed mapper as the diagnosis shows it.
 *
 * @param result the last attempt, or null when it was never asked (a better-ranked mapper works)
 */
record MapperView(String name, int ranking, boolean active, ProtocolResult result) {
}
