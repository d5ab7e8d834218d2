package io.homeward.rendezvous.dns.internal.zone;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;

/**
 * The records every zone gets from configuration instead of from updates: SOA and NS at the apex, glue for
 * the name server in the domain zone, and in user zones the SRV records that tell agents where to send
 * updates and long-lived queries and where to enroll (EST, RFC 7030; docs/enrollment.md). They are made from the
 * configuration whenever a zone is loaded, never journaled, so existing zones get them as they are configured now.
 *
 * @param domain              apex of the domain zone; user zones sit one label below it
 * @param nameServer          NS target and SOA MNAME of every zone
 * @param nameServerAddresses glue A/AAAA records for {@code nameServer}
 * @param hostmaster          SOA RNAME
 * @param tlsPort             port advertised in the {@link #SERVICES} SRV records
 * @param estPort             port advertised in the {@link #EST_SERVICE} SRV record
 * @param negativeTtl         SOA MINIMUM, the negative caching TTL (RFC 2308 §4)
 */
public record ZoneTemplate(Name domain, Name nameServer, List<InetAddress> nameServerAddresses, Name hostmaster,
        int tlsPort, int estPort, long negativeTtl) {
    /** TTL of the records the server puts in its zones. */
    public static final long TTL = 3600;
    /** SOA timers (RFC 1912 §2.2 ranges): refresh, retry, expire. */
    private static final long REFRESH = 3600;
    private static final long RETRY = 600;
    private static final long EXPIRE = 1_209_600;
    /** Services this server offers for every user zone, over TLS on the configured port. */
    public static final List<String> SERVICES = List.of("_dns-update-tls._tcp", "_dns-llq-tls._tcp",
            "_dns-push-tls._tcp");
    /** The enrollment service (RFC 7030 over HTTPS) for every user zone, on its own port. */
    public static final String EST_SERVICE = "_est._tcp";

    public ZoneTemplate {
        nameServerAddresses = List.copyOf(nameServerAddresses);
    }

    public SOARecord soa(Name apex, long serial) {
        return new SOARecord(apex, DClass.IN, TTL, nameServer, hostmaster, serial, REFRESH, RETRY, EXPIRE,
                negativeTtl);
    }

    /** Every configured record of a zone except its SOA. */
    List<Record> fixedRecords(Name apex, boolean userZone) {
        List<Record> records = new ArrayList<>();
        records.add(new NSRecord(apex, DClass.IN, TTL, nameServer));
        if (userZone) {
            for (String service : SERVICES) {
                records.add(new SRVRecord(serviceName(service, apex), DClass.IN, TTL, 0, 0, tlsPort, nameServer));
            }
            records.add(new SRVRecord(serviceName(EST_SERVICE, apex), DClass.IN, TTL, 0, 0, estPort, nameServer));
        } else if (nameServer.subdomain(apex)) {
            for (InetAddress address : nameServerAddresses) {
                records.add(address instanceof Inet4Address
                        ? new ARecord(nameServer, DClass.IN, TTL, address)
                        : new AAAARecord(nameServer, DClass.IN, TTL, address));
            }
        }
        return records;
    }

    private static Name serviceName(String service, Name apex) {
        try {
            return Name.concatenate(Name.fromConstantString(service), apex);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("the zone name " + apex + " is too long for service records", e);
        }
    }
}
