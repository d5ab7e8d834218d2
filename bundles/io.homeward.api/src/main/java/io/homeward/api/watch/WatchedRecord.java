package io.homeward.api.watch;

/**
 * One resource record as a watcher reports it.
 *
 * @param name  absolute owner name, for example {@code laptop.alice.members.example.}
 * @param type  the RR type code (RFC 1035 / IANA), for example 28 for AAAA
 * @param ttl   time to live in seconds
 * @param rdata the RDATA in presentation format, for example {@code 0 0 4500 AutoTunnel-...}
 */
public record WatchedRecord(String name, int type, long ttl, String rdata) {
}
