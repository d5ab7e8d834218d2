package io.homeward.kit.pem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a TLS identity's PEM files (RFC 7468): the certificate chain, and the unencrypted private key, its bytes wiped after. */
public final class PemFiles {
    private PemFiles() {
    }

    /** The chain in the file, leaf first; fails naming the file when it holds none. */
    public static List<X509Certificate> certificateChain(Path file) throws IOException {
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

    /** The first unencrypted private key in the file; the file's bytes are wiped once read. */
    public static PrivateKey privateKey(Path file) throws IOException {
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
