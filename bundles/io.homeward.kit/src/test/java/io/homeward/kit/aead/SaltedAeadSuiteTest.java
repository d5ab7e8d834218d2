package io.homeward.kit.aead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import io.homeward.api.crypto.PacketAead;

class SaltedAeadSuiteTest {
    /** The kit builds before the test kit (which uses it), so the INFO lines are caught by a proxy here. */
    private final List<String> info = new CopyOnWriteArrayList<>();
    private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getName().equals("info")) {
                    info.add(((String) args[0]).replaceFirst("\\{}", String.valueOf(args.length > 1 ? args[1] : "")));
                }
                return null;
            });
    private final SaltedAeadSuite suite = new SaltedAeadSuite("gcm-test", "an AES-128 key", 16, 150, log) {
        @Override
        public int transformId() {
            return 20;
        }

        @Override
        public Set<Integer> keySizes() {
            return Set.of(128);
        }

        @Override
        protected PacketAead create(byte[] keyMaterial) throws GeneralSecurityException {
            return new GcmForTest(keyMaterial);
        }
    };

    @Test
    void describesTheSaltedNonceLayout() {
        assertEquals("gcm-test", suite.name());
        assertEquals(4, suite.saltLength());
        assertEquals(8, suite.ivLength());
        assertEquals(16, suite.icvLength());
    }

    @Test
    void logsItsRankingWhenStartedAndChanged() {
        suite.rankingChanged(50);
        assertEquals(List.of("gcm-test crypto suite available with ranking 150", "gcm-test crypto suite ranking is now 50"),
                info);
    }

    @Test
    void checksTheKeyMaterialBeforeMakingAnAead() throws GeneralSecurityException {
        assertInstanceOf(GcmForTest.class, suite.newAead(new byte[20]));
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> suite.newAead(new byte[36]));
        assertTrue(e.getMessage().startsWith("gcm-test key material is an AES-128 key followed by a 4-byte salt: 20 octets"),
                e.getMessage());
    }
}
