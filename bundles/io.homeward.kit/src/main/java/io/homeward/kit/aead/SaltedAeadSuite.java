package io.homeward.kit.aead;

import java.security.GeneralSecurityException;

import org.osgi.service.log.Logger;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;

/**
 * What every ESP AEAD suite with a 4-octet salt and an 8-octet explicit IV shares: the name, the ranking log
 * lines, the key material check. A subclass, the DS component, adds its transform, key sizes and cipher.
 */
public abstract class SaltedAeadSuite implements CryptoSuite {
    private final String name;
    private final String keyDescription;
    private final int icvLength;
    private final Logger log;

    /** @param keyDescription how an operator would name the key in an error, e.g. "a 32-octet key" */
    protected SaltedAeadSuite(String name, String keyDescription, int icvLength, int ranking, Logger log) {
        this.name = name;
        this.keyDescription = keyDescription;
        this.icvLength = icvLength;
        this.log = log;
        log.info(name + " crypto suite available with ranking " + ranking);
    }

    /** For the subclass's DS modified method: the new ranking reaches the registration without a restart. */
    protected final void rankingChanged(int ranking) {
        log.info(name + " crypto suite ranking is now " + ranking);
    }

    /** A packet AEAD on key material whose length is already checked. */
    protected abstract PacketAead create(byte[] keyMaterial) throws GeneralSecurityException;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int saltLength() {
        return SaltedNonce.SALT_LENGTH;
    }

    @Override
    public final int ivLength() {
        return SaltedNonce.IV_LENGTH;
    }

    @Override
    public final int icvLength() {
        return icvLength;
    }

    @Override
    public final PacketAead newAead(byte[] keyMaterial) throws GeneralSecurityException {
        KeyMaterial.requireLength(name, keyMaterial, keySizes(), keyDescription);
        return create(keyMaterial);
    }
}
