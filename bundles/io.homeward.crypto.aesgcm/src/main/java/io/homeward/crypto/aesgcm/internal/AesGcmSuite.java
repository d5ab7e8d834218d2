package io.homeward.crypto.aesgcm.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.runtime.ProviderProperties;

/** ESP AES-GCM with a 16-byte ICV, IKEv2 transform 20 (RFC 4106), AES-128 or AES-256. */
@Component(service = CryptoSuite.class, configurationPid = AesGcmSuite.PID,
        property = ProviderProperties.NAME + "=" + AesGcmSuite.NAME)
@Designate(ocd = AesGcmSuite.Config.class)
public class AesGcmSuite implements CryptoSuite {
    static final String PID = "io.homeward.crypto.aesgcm";
    static final String NAME = "aes-gcm-16";
    private static final int SALT = 4;

    @ObjectClassDefinition(name = "Homeward AES-GCM crypto suite",
            description = "ESP encryption with AES-GCM (RFC 4106). New security associations use the installed suite"
                    + " with the highest ranking.")
    public @interface Config {
        @AttributeDefinition(name = "Ranking",
                description = "Preference of this suite over the other installed suites: the highest ranking is used"
                        + " for new security associations. ChaCha20-Poly1305 defaults to 100; set this below that"
                        + " to prefer ChaCha20-Poly1305, for example on CPUs without AES instructions.")
        int service_ranking() default 200;
    }

    private final Logger log;

    @Activate
    public AesGcmSuite(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        log.info(NAME + " crypto suite available with ranking " + config.service_ranking());
    }

    /** The new ranking reaches the service registration without restarting the component. */
    @Modified
    void modified(Config config) {
        log.info(NAME + " crypto suite ranking is now " + config.service_ranking());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int transformId() {
        return 20;
    }

    @Override
    public Set<Integer> keySizes() {
        return Set.of(128, 256);
    }

    @Override
    public int saltLength() {
        return SALT;
    }

    @Override
    public int ivLength() {
        return 8;
    }

    @Override
    public int icvLength() {
        return AesGcmPacketAead.ICV_BITS / 8;
    }

    @Override
    public PacketAead newAead(byte[] keyMaterial) throws GeneralSecurityException {
        int length = keyMaterial == null ? 0 : keyMaterial.length;
        if (length != 16 + SALT && length != 32 + SALT) {
            throw new InvalidKeyException(NAME + " key material is an AES-128 or AES-256 key followed by a 4-byte salt:"
                    + " 20 or 36 octets, got " + length);
        }
        return new AesGcmPacketAead(keyMaterial);
    }
}
