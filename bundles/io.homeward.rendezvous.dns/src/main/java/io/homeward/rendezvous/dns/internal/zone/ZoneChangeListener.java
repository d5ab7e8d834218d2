package io.homeward.rendezvous.dns.internal.zone;

/**
 * Told of every record added to or removed from a zone, after the change is durable. Called with the zone
 * store locked, so an implementation must return quickly (hand work to its own thread).
 */
@FunctionalInterface
public interface ZoneChangeListener {

    void zoneChanged(ZoneChange change);
}
