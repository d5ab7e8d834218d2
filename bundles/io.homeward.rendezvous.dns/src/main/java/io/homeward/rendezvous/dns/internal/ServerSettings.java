package io.homeward.rendezvous.dns.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.xbill.DNS.Name;

import io.homeward.rendezvous.dns.internal.response.EdnsPolicy;
import io.homeward.rendezvous.dns.internal.zone.ZoneTemplate;

/**
 * Everything the server needs to know from the operator, already validated.
 *
 * @param domain              apex of the domain zone; user zones sit one label below it
 * @param nameServer          NS target and SOA MNAME of every zone
 * @param nameServerAddresses glue A/AAAA records for {@code nameServer}
 * @param hostmaster          SOA RNAME
 * @param tlsPort             port advertised in the synthesized {@code _dns-*-tls._tcp} SRV records
 * @param estPort             port advertised in the synthesized {@code _est._tcp} SRV record (enrollment, RFC 7030)
 * @param ednsPayload         the UDP payload size this server advertises (RFC 6891 §6.2.5)
 * @param negativeTtl         SOA MINIMUM, the negative caching TTL (RFC 2308 §4)
 * @param leaseMinSeconds     shortest update lease granted (RFC 9664)
 * @param leaseMaxSeconds     longest update lease granted
 * @param updatesPerSecond    token refill rate of the per-client UPDATE limit
 * @param updateBurst         bucket size of the per-client UPDATE limit
 * @param secondaries         servers sent a NOTIFY (RFC 1996) when a zone changes
 * @param compactionBytes     journal size that triggers a snapshot
 * @param zoneRecordQuota     records an UPDATE may leave in a user zone, besides the server's own
 * @param keyUpdatesPerSecond token refill rate of the per-key UPDATE limit
 * @param keyUpdateBurst      bucket size of the per-key UPDATE limit
 */
public record ServerSettings(Name domain, Name nameServer, List<InetAddress> nameServerAddresses, Name hostmaster,
        int tlsPort, int estPort, int ednsPayload, long negativeTtl, long leaseMinSeconds, long leaseMaxSeconds,
        double updatesPerSecond, int updateBurst, List<InetSocketAddress> secondaries, long compactionBytes,
        int zoneRecordQuota, double keyUpdatesPerSecond, int keyUpdateBurst) {

    public ServerSettings {
        if (!domain.isAbsolute() || !nameServer.isAbsolute() || !hostmaster.isAbsolute()) {
            throw new IllegalArgumentException("domain, name server and hostmaster must be absolute names");
        }
        if (tlsPort < 1 || tlsPort > 65535) {
            throw new IllegalArgumentException("the TLS port must be within 1..65535, not " + tlsPort);
        }
        if (estPort < 1 || estPort > 65535) {
            throw new IllegalArgumentException("the EST port must be within 1..65535, not " + estPort);
        }
        if (ednsPayload < EdnsPolicy.MIN_UDP_PAYLOAD || ednsPayload > 65535) {
            throw new IllegalArgumentException("the EDNS payload size must be within 512..65535, not " + ednsPayload);
        }
        if (leaseMinSeconds < 1 || leaseMaxSeconds < leaseMinSeconds) {
            throw new IllegalArgumentException("the lease range " + leaseMinSeconds + ".." + leaseMaxSeconds
                    + " is empty or not positive");
        }
        if (updatesPerSecond <= 0 || updateBurst < 1 || keyUpdatesPerSecond <= 0 || keyUpdateBurst < 1) {
            throw new IllegalArgumentException("the update rate limits need a positive rate and a burst of at least 1");
        }
        if (zoneRecordQuota < 1) {
            throw new IllegalArgumentException("the zone record quota must be positive, not " + zoneRecordQuota);
        }
        if (compactionBytes < 1) {
            throw new IllegalArgumentException("the journal compaction threshold must be positive");
        }
        nameServerAddresses = List.copyOf(nameServerAddresses);
        secondaries = List.copyOf(secondaries);
    }

    /** The records every zone gets from these settings. */
    public ZoneTemplate zoneTemplate() {
        return new ZoneTemplate(domain, nameServer, nameServerAddresses, hostmaster, tlsPort, estPort, negativeTtl);
    }
}
