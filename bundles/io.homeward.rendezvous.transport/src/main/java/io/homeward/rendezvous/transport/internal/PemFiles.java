package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.SecretFiles;
import io.homeward.kit.pem.Pem;
import io.homeward.kit.pem.PemBlock;
import io.homeward.kit.pem.PrivateKeys;

/** Reads and writes PEM certificate chains and unencrypted private keys (RFC 7468). */
final class PemFiles {
    private PemFiles() {
    }

    static TlsIdentity read(Path certificateFile, Path keyFile) throws IOException {
        return new TlsIdentity(readChain(certificateFile), readKey(keyFile));
    }

    static void write(TlsIdentity identity, Path certificateFile, Path keyFile) throws IOException {
        SecretFiles.writeThenWipe(keyFile, Pem.encodeKey(identity.key()));
        AtomicFiles.write(certificateFile, Pem.encodeCertificates(identity.chain()), AtomicFiles.WORLD_READABLE);
    }

    private static List<X509Certificate> readChain(Path file) throws IOException {
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(Pem.blocks(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IOException("the TLS certificate file " + file + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("the TLS certificate file " + file + " holds no PEM CERTIFICATE block");
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        byte[] pem = Files.readAllBytes(file);
        List<PemBlock> blocks = List.of();
        Optional<PrivateKey> key;
        try {
            blocks = Pem.blocks(pem);
            key = PrivateKeys.first(blocks);
        } catch (IOException e) {
            throw new IOException("the TLS key file " + file + " is not a PEM private key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pem, (byte) 0);
            blocks.forEach(PemBlock::wipe);
        }
        return key.orElseThrow(() -> new IOException("the TLS key file " + file
                + " holds no unencrypted PEM private key (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)"));
    }
}
