package io.homeward.kerberos.internal.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.homeward.kerberos.internal.crypto.EncryptionType;

/**
 * A principal's current keys, one per encryption type this KDC speaks, all with the same key version number. The
 * keys are handed out as copies: a caller may wipe what it got.
 */
public final class PrincipalKeys {
    private final List<String> name;
    private final String realm;
    private final long kvno;
    private final Map<EncryptionType, byte[]> keys;

    PrincipalKeys(List<String> name, String realm, long kvno, Map<EncryptionType, byte[]> keys) {
        this.name = List.copyOf(name);
        this.realm = realm;
        this.kvno = kvno;
        this.keys = new EnumMap<>(EncryptionType.class);
        keys.forEach((type, key) -> this.keys.put(type, key.clone()));
    }

    /** The name components, for example {@code [krbtgt, HOME.ALICE.MEMBERS.EXAMPLE]}. */
    public List<String> name() {
        return name;
    }

    public String realm() {
        return realm;
    }

    /** The text form, {@code krbtgt/HOME.ALICE.MEMBERS.EXAMPLE@HOME.ALICE.MEMBERS.EXAMPLE}. */
    public String principal() {
        return String.join("/", name) + "@" + realm;
    }

    /** The key version number a ticket's enc-part carries (RFC 4120 §5.3); another one is KRB_AP_ERR_BADKEYVER. */
    public long kvno() {
        return kvno;
    }

    /** The encryption types it has keys for: every one this KDC speaks. */
    public Set<EncryptionType> types() {
        return Set.copyOf(keys.keySet());
    }

    /** A copy of the key for this type. */
    public byte[] key(EncryptionType type) {
        byte[] key = keys.get(type);
        if (key == null) {
            throw new IllegalArgumentException(principal() + " has no key for " + type);
        }
        return key.clone();
    }

    @Override
    public String toString() {
        return principal() + " kvno " + kvno;
    }
}
