package io.homeward.kerberos.internal.kdc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.store.PrincipalKeys;

/**
 * The service keys the TGS exchange seals tickets in, as cipher keys made once per principal's current keys, so that
 * their ticket usage keys are derived once (docs/kerberos.md "Encryption types") rather than for every request. The
 * store hands out new {@link PrincipalKeys} when keys change, and those get a new ring: a ring is only ever used for
 * the very keys it was made from. Rings are kept by name (the store's realm is the KDC's), for at most
 * {@value #MAX_PRINCIPALS} principals; past that all are dropped and made again as asked. Thread-safe.
 */
final class TgsServiceKeys {
    static final int MAX_PRINCIPALS = 1024;

    private record Ring(PrincipalKeys keys, PrincipalKeyRing ring) {
    }

    private final Map<List<String>, Ring> rings = new ConcurrentHashMap<>();

    /** The server's key of this type, sealing its tickets. */
    KerberosKey key(PrincipalKeys server, EncryptionType type) {
        Ring ring = rings.get(server.name());
        if (ring == null || ring.keys() != server) {
            if (rings.size() >= MAX_PRINCIPALS) {
                rings.clear();
            }
            ring = new Ring(server, new PrincipalKeyRing(server));
            rings.put(server.name(), ring);
        }
        return ring.ring().key(type);
    }
}
