package io.homeward.rendezvous.dns.internal.zone;

/**
 * Told of every record added to or removed from a zone, after the change is durable, one change at a time and in
 * commit order (never under the zone store's lock). Changes wait while an implementation runs, so it must return
 * quickly (hand work to its own thread).
 */
@FunctionalInterface
public interface ZoneChangeListener {

    void zoneChanged(ZoneChange change);
}
