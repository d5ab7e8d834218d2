package io.homeward.kerberos.internal.service;

import java.security.InvalidKeyException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.store.PrincipalKeys;

/**
 * The keys a service's tickets are sealed with (RFC 4120 §5.3): the key of one key version number and encryption
 * type, looked up for every ticket so that new keys take effect at once.
 */
@FunctionalInterface
public interface ServiceKeys {

    /** What a lookup found: the key, or why there is none. */
    sealed interface Lookup permits Found, UnknownVersion, UnknownType {
    }

    record Found(KerberosKey key) implements Lookup {
    }

    /** The ticket names a key version the service does not have: KRB_AP_ERR_BADKEYVER (44). */
    record UnknownVersion(long current) implements Lookup {
    }

    /** The service has no key of the ticket's encryption type: KDC_ERR_ETYPE_NOSUPP (14). */
    record UnknownType() implements Lookup {
    }

    /**
     * @param kvno  the ticket enc-part's key version number; absent means the current one
     * @param etype the enc-part's encryption type number
     */
    Lookup key(OptionalLong kvno, int etype);

    /** The current keys of {@code name} in the KDC's store (PrincipalKeys: one version, a key per type). */
    static ServiceKeys of(PrincipalKeyStore store, List<String> name) {
        return (kvno, etype) -> {
            Optional<PrincipalKeys> keys = store.find(name);
            Optional<EncryptionType> type = EncryptionType.of(etype);
            if (keys.isEmpty() || type.isEmpty() || !keys.get().types().contains(type.get())) {
                return new UnknownType();
            }
            if (kvno.isPresent() && kvno.getAsLong() != keys.get().kvno()) {
                return new UnknownVersion(keys.get().kvno());
            }
            try {
                return new Found(KerberosKey.of(type.get(), keys.get().key(type.get())));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("the KDC's store holds a key of the wrong length", e);
            }
        };
    }
}
