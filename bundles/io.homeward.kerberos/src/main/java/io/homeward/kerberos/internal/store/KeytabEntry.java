package io.homeward.kerberos.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * One key of an MIT keytab (version 0x502): whose key it is, its version number and encryption type.
 *
 * @param components the principal's name components, for example {@code [HTTP, home.alice.members.example]}
 * @param realm      the principal's realm
 * @param nameType   the principal's name type (RFC 4120 §6.2: 1 NT-PRINCIPAL, 2 NT-SRV-INST, 3 NT-SRV-HST)
 * @param timestamp  when the key was made (whole seconds, as the file keeps it)
 * @param kvno       the key version number (RFC 4120 §5.2.9)
 * @param enctype    the key's encryption type number (RFC 3961 §8)
 * @param key        the key itself: the caller's array, not copied (the store wipes what it no longer needs)
 */
public record KeytabEntry(List<String> components, String realm, int nameType, Instant timestamp, long kvno,
        int enctype, byte[] key) {
    public KeytabEntry {
        components = List.copyOf(components);
    }

    /** The principal's text form, {@code HTTP/home.alice.members.example@REALM} (RFC 1964 §2.1.1, unescaped). */
    public String principal() {
        return String.join("/", components) + "@" + realm;
    }

    @Override
    public String toString() {
        return principal() + " kvno " + kvno + " enctype " + enctype;
    }
}
