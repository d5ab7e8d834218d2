package io.homeward.rendezvous.dns.internal.hosts;

import java.time.Instant;
import java.util.List;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.enroll.RevokedRecord;
import io.homeward.rendezvous.dns.internal.zone.ZoneTemplate;

/**
 * The zone's revocation list (docs/enrollment.md, "Revocation", step 2): at {@code _revoked._homeward.<zone>} one TXT
 * record per revoked, unexpired certificate of the zone's hosts, with the strings {@code serial=<lower-case hex>},
 * {@code host=<label>} and {@code until=<notAfter, RFC 3339 UTC>}. Watchers learn of a revocation like of any change.
 */
public final class RevocationRecords {
    private static final Name REVOKED = Name.fromConstantString(RevokedRecord.OWNER);

    private RevocationRecords() {
    }

    /** {@code _revoked._homeward.<zone>}. */
    public static Name owner(Name zone) {
        try {
            return Name.concatenate(REVOKED, zone);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("the zone name " + zone + " is too long for " + REVOKED, e);
        }
    }

    /** The TXT records for the certificates that are revoked and not expired at {@code now}, in their order. */
    public static List<Record> of(Name zone, List<HostCertificate> certificates, Instant now) {
        Name owner = owner(zone);
        return certificates.stream()
                .filter(c -> c.revoked().isPresent() && c.notAfter().isAfter(now))
                .<Record>map(c -> new TXTRecord(owner, DClass.IN, ZoneTemplate.TTL,
                        new RevokedRecord(c.serial(), c.host(), c.notAfter()).strings()))
                .toList();
    }
}
