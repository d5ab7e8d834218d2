package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The records that let stock Kerberos clients find this host's KDC by DNS (RFC 4120 §7.2.3.2, MIT's
 * {@code dns_lookup_kdc}; docs/kerberos.md "Finding the KDC"). For host H in zone Z, realm R = H.Z in upper case:
 * <pre>
 * _kerberos._tcp.H.Z  SRV  0 0 88 H.Z.
 * _kerberos._udp.H.Z  SRV  0 0 88 H.Z.
 * _kerberos.H.Z       TXT  "R"
 * </pre>
 * All below the host's own name, which the host's key may change (docs/enrollment.md "Per-host keys").
 */
final class KerberosRecords {
    /** RFC 4120 §7.2.3.1: the KDC's port. */
    static final int PORT = 88;

    final Name zone;
    final Name host;
    final Name tcp;
    final Name udp;
    final Name realmName;
    private final String realm;

    KerberosRecords(String zone, String hostName, String realm) {
        try {
            this.zone = Name.fromString(zone.endsWith(".") ? zone : zone + ".");
            this.host = Name.concatenate(Name.fromString(hostName), this.zone);
            this.tcp = Name.concatenate(Name.fromString("_kerberos._tcp"), host);
            this.udp = Name.concatenate(Name.fromString("_kerberos._udp"), host);
            this.realmName = Name.concatenate(Name.fromString("_kerberos"), host);
        } catch (TextParseException | NameTooLongException e) {
            throw new IllegalArgumentException("host '" + hostName + "' in zone '" + zone
                    + "' does not give valid DNS names: " + e.getMessage(), e);
        }
        this.realm = realm;
    }

    /**
     * The records of the KDC whose realm is {@code realm}: the host's fully qualified name in upper case, a name in
     * {@code zone}.
     *
     * @throws IllegalArgumentException if the realm does not name a host of the zone
     */
    static KerberosRecords ofRealm(String zone, String realm) {
        String suffix = "." + (zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone);
        String host = realm.toLowerCase(Locale.ROOT);
        if (host.length() <= suffix.length() || !host.endsWith(suffix.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the realm " + realm + " is not a host's name in zone " + zone);
        }
        return new KerberosRecords(zone, host.substring(0, host.length() - suffix.length()), realm);
    }

    /** Replaces the three RRsets (RFC 2136 §2.5.2 then §2.5.1), asking for {@code lease} (RFC 9664 §4). */
    Message publish(Duration lease, int id) {
        Update update = deletion(id);
        for (org.xbill.DNS.Record record : List.<org.xbill.DNS.Record>of(
                new SRVRecord(tcp, DClass.IN, PublishedRecords.TTL_SECONDS, 0, 0, PORT, host),
                new SRVRecord(udp, DClass.IN, PublishedRecords.TTL_SECONDS, 0, 0, PORT, host),
                new TXTRecord(realmName, DClass.IN, PublishedRecords.TTL_SECONDS, realm))) {
            update.add(record);
        }
        update.addRecord(LeaseOption.request(lease), Section.ADDITIONAL);
        return update;
    }

    /** Deletes the three RRsets. */
    Message withdraw(int id) {
        return deletion(id);
    }

    private Update deletion(int id) {
        Update update = new Update(zone);
        update.getHeader().setID(id);
        update.delete(tcp, Type.SRV);
        update.delete(udp, Type.SRV);
        update.delete(realmName, Type.TXT);
        return update;
    }
}
