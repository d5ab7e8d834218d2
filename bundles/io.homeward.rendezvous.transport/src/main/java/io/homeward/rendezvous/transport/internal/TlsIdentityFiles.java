package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.SecretFiles;
import io.homeward.kit.pem.Pem;
import io.homeward.kit.pem.PemFiles;

/** Reads and writes the server's PEM certificate chain and unencrypted private key (RFC 7468). */
final class TlsIdentityFiles {
    private TlsIdentityFiles() {
    }

    static TlsIdentity read(Path certificateFile, Path keyFile) throws IOException {
        return new TlsIdentity(PemFiles.certificateChain(certificateFile),
                PemFiles.privateKey(keyFile));
    }

    static void write(TlsIdentity identity, Path certificateFile, Path keyFile) throws IOException {
        SecretFiles.writeThenWipe(keyFile, Pem.encodeKey(identity.key()));
        AtomicFiles.write(certificateFile, Pem.encodeCertificates(identity.chain()), AtomicFiles.WORLD_READABLE);
    }
}
