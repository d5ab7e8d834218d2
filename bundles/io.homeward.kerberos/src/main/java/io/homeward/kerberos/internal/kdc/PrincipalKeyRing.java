package io.homeward.kerberos.internal.kdc;

import java.security.InvalidKeyException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.store.PrincipalKeys;

/**
 * One principal's current keys as cipher keys, made once so that their per-usage keys are derived once
 * (docs/kerberos.md "Encryption types"): the ticket-granting service's, which seal and open every TGT.
 */
final class PrincipalKeyRing {
    private final PrincipalKeys keys;
    private final Map<EncryptionType, KerberosKey> byType = new EnumMap<>(EncryptionType.class);

    PrincipalKeyRing(PrincipalKeys keys) {
        this.keys = keys;
        keys.types().forEach(type -> byType.put(type, of(keys, type)));
    }

    List<String> name() {
        return keys.name();
    }

    long kvno() {
        return keys.kvno();
    }

    String principal() {
        return keys.principal();
    }

    KerberosKey key(EncryptionType type) {
        return byType.get(type);
    }

    /** The store keeps 32-octet keys only, which both types take (docs/kerberos.md "Principal keys"). */
    static KerberosKey of(PrincipalKeys keys, EncryptionType type) {
        try {
            return KerberosKey.of(type, keys.key(type));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(keys.principal() + ": " + e.getMessage(), e);
        }
    }
}
