package io.homeward.crypto.aesgcm.internal;

import java.security.GeneralSecurityException;
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
import io.homeward.kit.aead.SaltedAeadSuite;

/** ESP AES-GCM with a 16-byte ICV, IKEv2 transform 20 (RFC 4106), AES-128 or AES-256. */
@Component(service = CryptoSuite.class, configurationPid = AesGcmSuite.PID,
        property = ProviderProperties.NAME + "=" + AesGcmSuite.NAME)
@Designate(ocd = AesGcmSuite.Config.class)
public class AesGcmSuite extends SaltedAeadSuite {
    static final String PID = "io.homeward.crypto.aesgcm";
    static final String NAME = "aes-gcm-16";

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

    @Activate
    public AesGcmSuite(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        super(NAME, "an AES-128 or AES-256 key", AesGcmPacketAead.ICV_BITS / 8, config.service_ranking(), log);
    }

    /** The new ranking reaches the service registration without restarting the component. */
    @Modified
    void modified(Config config) {
        rankingChanged(config.service_ranking());
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
    protected PacketAead create(byte[] keyMaterial) throws GeneralSecurityException {
        return new AesGcmPacketAead(keyMaterial);
    }
}
