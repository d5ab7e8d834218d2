package io.homeward.crypto.chacha20.internal;

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

/** ESP ChaCha20-Poly1305, IKEv2 transform 28 (RFC 7634), 256-bit key. */
@Component(service = CryptoSuite.class, configurationPid = ChaCha20Suite.PID,
        property = ProviderProperties.NAME + "=" + ChaCha20Suite.NAME)
@Designate(ocd = ChaCha20Suite.Config.class)
public class ChaCha20Suite extends SaltedAeadSuite {
    static final String PID = "io.homeward.crypto.chacha20";
    static final String NAME = "chacha20-poly1305";

    @ObjectClassDefinition(name = "Homeward ChaCha20-Poly1305 crypto suite",
            description = "ESP encryption with ChaCha20-Poly1305 (RFC 7634). New security associations use the"
                    + " installed suite with the highest ranking.")
    public @interface Config {
        @AttributeDefinition(name = "Ranking",
                description = "Preference of this suite over the other installed suites: the highest ranking is used"
                        + " for new security associations. AES-GCM defaults to 200; set this above that to prefer"
                        + " ChaCha20-Poly1305, for example on CPUs without AES instructions.")
        int service_ranking() default 100;
    }

    @Activate
    public ChaCha20Suite(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        super(NAME, "a 32-octet key", ChaCha20PacketAead.TAG, config.service_ranking(), log);
    }

    /** The new ranking reaches the service registration without restarting the component. */
    @Modified
    void modified(Config config) {
        rankingChanged(config.service_ranking());
    }

    @Override
    public int transformId() {
        return 28;
    }

    @Override
    public Set<Integer> keySizes() {
        return Set.of(ChaCha20PacketAead.KEY * 8);
    }

    @Override
    protected PacketAead create(byte[] keyMaterial) throws GeneralSecurityException {
        return new ChaCha20PacketAead(keyMaterial);
    }
}
