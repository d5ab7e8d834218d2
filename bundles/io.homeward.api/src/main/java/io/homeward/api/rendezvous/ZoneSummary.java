package io.homeward.api.rendezvous;

/**
 * One zone the rendezvous serves.
 *
 * @param zone    the zone name, absolute
 * @param serial  its SOA serial
 * @param records how many records it holds (synthesized SOA, NS and SRV records not counted)
 */
public record ZoneSummary(String zone, long serial, int records) {
}
