package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

import org.osgi.service.log.Logger;

import io.homeward.kit.files.PrivateDirectories;

/**
 * Finds the server's TLS identity: the operator's PEM files when configured, otherwise a
 * self-signed one kept in {@code <data>/tls/} and reused on every later start so pins stay valid.
 */
final class TlsIdentityStore {
    static final String CERTIFICATE_FILE = "server.crt";
    static final String KEY_FILE = "server.key";

    private TlsIdentityStore() {
    }

    static TlsIdentity configured(Path certificateFile, Path keyFile) throws IOException {
        for (Path file : new Path[] {certificateFile, keyFile}) {
            if (!Files.isReadable(file)) {
                throw new IOException("the configured TLS file " + file + " does not exist or is not readable");
            }
        }
        return TlsIdentityFiles.read(certificateFile, keyFile);
    }

    static TlsIdentity selfSigned(Path directory, String serverName, Clock clock, SecureRandom random, Logger log)
            throws IOException, GeneralSecurityException {
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            return TlsIdentityFiles.read(certificateFile, keyFile);
        }
        PrivateDirectories.create(directory);
        TlsIdentity identity = SelfSignedCertificate.create(serverName, clock, random);
        TlsIdentityFiles.write(identity, certificateFile, keyFile);
        log.info("made a self-signed TLS certificate for {} in {}", serverName, directory);
        return identity;
    }
}
