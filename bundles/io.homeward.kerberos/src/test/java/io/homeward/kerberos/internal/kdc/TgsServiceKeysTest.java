package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.store.PrincipalKeys;
import io.homeward.testkit.MutableClock;

class TgsServiceKeysTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final List<String> HTTP = List.of("HTTP", "home.alice.members.example");
    private static final List<String> CIFS = List.of("cifs", "home.alice.members.example");

    @TempDir
    Path directory;

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = new MutableClock();

    @Test
    void makesEachPrincipalsKeysOnceAndGivesNoneAnothersKey() throws Exception {
        PrincipalKeyStore store = PrincipalKeyStore.open(directory.resolve("first"), REALM, random, clock);
        PrincipalKeys http = store.register(HTTP);
        PrincipalKeys cifs = store.register(CIFS);
        // The same name with other keys, as the store hands out once keys change.
        PrincipalKeys otherHttp = PrincipalKeyStore.open(directory.resolve("second"), REALM, random, clock)
                .register(HTTP);
        TgsServiceKeys keys = new TgsServiceKeys();
        for (EncryptionType type : EncryptionType.values()) {
            KerberosKey httpKey = keys.key(http, type);
            assertArrayEquals(http.key(type), httpKey.value());
            assertSame(httpKey, keys.key(http, type), "made once, so its usage keys are derived once");
            assertArrayEquals(cifs.key(type), keys.key(cifs, type).value());
            KerberosKey otherKey = keys.key(otherHttp, type);
            assertArrayEquals(otherHttp.key(type), otherKey.value());
            assertNotSame(httpKey, otherKey);
            assertArrayEquals(http.key(type), keys.key(http, type).value());
            assertArrayEquals(otherHttp.key(type), keys.key(otherHttp, type).value());
        }
    }
}
