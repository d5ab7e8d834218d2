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

import io.homeward.rendezvous.dns.internal.ServerSettings;

/**
 * The records every zone gets from configuration instead of from updates: SOA and NS at the apex, glue for
 * the name server in the domain zone, and in user zones the SRV records that tell agents where to send
 * updates and long-lived queries.
 */
public final class ZoneTemplate {
    static final long TTL = 3600;
    /** SOA timers (RFC 1912 §2.2 ranges): refresh, retry, expire. */
    private static final long REFRESH = 3600;
    private static final long RETRY = 600;
    private static final long EXPIRE = 1_209_600;
    /** Services this server offers for every user zone, over TLS on the configured port. */
    public static final List<String> SERVICES = List.of("_dns-update-tls._tcp", "_dns-llq-tls._tcp",
            "_dns-push-tls._tcp");

    private final ServerSettings settings;

    public ZoneTemplate(ServerSettings settings) {
        this.settings = settings;
    }

    public Name domain() {
        return settings.domain();
    }

    public long negativeTtl() {
        return settings.negativeTtl();
    }

    public SOARecord soa(Name apex, long serial) {
        return new SOARecord(apex, DClass.IN, TTL, settings.nameServer(), settings.hostmaster(), serial, REFRESH,
                RETRY, EXPIRE, settings.negativeTtl());
    }

    /** Every configured record of a zone except its SOA. */
    List<Record> fixedRecords(Name apex, boolean userZone) {
        List<Record> records = new ArrayList<>();
        records.add(new NSRecord(apex, DClass.IN, TTL, settings.nameServer()));
        if (userZone) {
            for (String service : SERVICES) {
                records.add(new SRVRecord(serviceName(service, apex), DClass.IN, TTL, 0, 0, settings.tlsPort(),
                        settings.nameServer()));
            }
        } else if (settings.nameServer().subdomain(apex)) {
            for (InetAddress address : settings.nameServerAddresses()) {
                records.add(address instanceof Inet4Address
                        ? new ARecord(settings.nameServer(), DClass.IN, TTL, address)
                        : new AAAARecord(settings.nameServer(), DClass.IN, TTL, address));
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
