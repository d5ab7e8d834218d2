package io.homeward.ike.internal.crypto;

import java.lang.annotation.Annotation;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.crypto.aesgcm.internal.AesGcmSuite;
import io.homeward.crypto.chacha20.internal.ChaCha20Suite;
import io.homeward.testkit.RecordingLogger;

/** The real ESP crypto suites, whose AEADs protect the SK payload. */
public final class Suites {
    public static final CryptoSuite AES_GCM = new AesGcmSuite(new AesGcmSuite.Config() {
        @Override
        public int service_ranking() {
            return 200;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return AesGcmSuite.Config.class;
        }
    }, new RecordingLogger().logger());
    public static final CryptoSuite CHACHA20 = new ChaCha20Suite(new ChaCha20Suite.Config() {
        @Override
        public int service_ranking() {
            return 100;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return ChaCha20Suite.Config.class;
        }
    }, new RecordingLogger().logger());

    private Suites() {
    }
}
