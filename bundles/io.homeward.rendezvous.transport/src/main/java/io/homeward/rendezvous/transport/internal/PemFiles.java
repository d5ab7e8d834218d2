package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import io.homeward.kit.files.AtomicFiles;

/** Reads and writes PEM certificate chains and unencrypted private keys (RFC 7468). */
final class PemFiles {
    private PemFiles() {
    }

    static TlsIdentity read(Path certificateFile, Path keyFile) throws IOException {
        return new TlsIdentity(readChain(certificateFile), readKey(keyFile));
    }

    static void write(TlsIdentity identity, Path certificateFile, Path keyFile) throws IOException {
        StringWriter key = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(key)) {
            pem.writeObject(new JcaPKCS8Generator(identity.key(), null));
        }
        StringWriter chain = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(chain)) {
            for (X509Certificate certificate : identity.chain()) {
                pem.writeObject(certificate);
            }
        }
        AtomicFiles.write(keyFile, key.toString().getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
        AtomicFiles.write(certificateFile, chain.toString().getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.WORLD_READABLE);
    }

    private static List<X509Certificate> readChain(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof X509CertificateHolder) {
                    chain.add(converter.getCertificate((X509CertificateHolder) item));
                }
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("the TLS certificate file " + file + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("the TLS certificate file " + file + " holds no PEM CERTIFICATE block");
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PrivateKeyInfo) {
                    return converter.getPrivateKey((PrivateKeyInfo) item);
                }
                if (item instanceof PEMKeyPair) {
                    return converter.getKeyPair((PEMKeyPair) item).getPrivate();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("the TLS key file " + file + " is not a PEM private key: " + e.getMessage(), e);
        }
        throw new IOException("the TLS key file " + file + " holds no unencrypted PEM private key"
                + " (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)");
    }
}
