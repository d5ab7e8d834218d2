package io.homeward.kit.pem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * PEM text (RFC 7468): blocks of base64 in lines of 64 characters between a {@code -----BEGIN label-----} and the
 * matching end line, with any text around them ignored (§2). Certificates are {@value #CERTIFICATE} (§5), CRLs
 * {@value #X509_CRL} (§6), private keys PKCS#8 {@value #PRIVATE_KEY} (§10).
 */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String X509_CRL = "X509 CRL";
    public static final String PRIVATE_KEY = "PRIVATE KEY";

    private static final byte[] LINE_END = {'\n'};
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    /** One block; the caller may wipe the answer when {@code der} is a secret. */
    public static byte[] encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, LINE_END).encodeToString(der);
        return (BEGIN + label + DASHES + "\n" + body + "\n-----END " + label + DASHES + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A {@value #PRIVATE_KEY} block of the key's PKCS#8 encoding; the caller wipes the answer. */
    public static byte[] encodeKey(PrivateKey key) {
        byte[] der = key.getEncoded();
        try {
            return encode(PRIVATE_KEY, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** One {@value #CERTIFICATE} block a certificate, in the order given. */
    public static byte[] encodeCertificates(List<X509Certificate> certificates) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (X509Certificate certificate : certificates) {
            try {
                text.writeBytes(encode(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IOException("cannot encode the certificate " + certificate.getSubjectX500Principal()
                        + ": " + e.getMessage(), e);
            }
        }
        return text.toByteArray();
    }

    /** Every block in the text, in order. */
    public static List<PemBlock> blocks(byte[] pem) throws IOException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<PemBlock> blocks = new ArrayList<>();
        for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin)) {
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) {
                throw new IOException("a PEM begin line has no closing dashes");
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String end = "-----END " + label + DASHES;
            int stop = text.indexOf(end, labelEnd);
            if (stop < 0) {
                throw new IOException("the PEM " + label + " block has no end line");
            }
            blocks.add(new PemBlock(label, base64(label, text.substring(labelEnd + DASHES.length(), stop))));
            begin = stop + end.length();
        }
        return blocks;
    }

    /** The DER of the first block labelled {@code label}. */
    public static byte[] decode(String label, byte[] pem) throws IOException {
        for (PemBlock block : blocks(pem)) {
            if (block.label().equals(label)) {
                return block.der();
            }
        }
        throw new IOException("no PEM " + label + " block");
    }

    /** The certificates of every {@value #CERTIFICATE} block, in order; blocks with other labels are skipped. */
    public static List<X509Certificate> certificates(List<PemBlock> blocks) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlock block : blocks) {
                if (block.label().equals(CERTIFICATE)) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("a PEM CERTIFICATE block is not an X.509 certificate: " + e.getMessage(), e);
        }
        return certificates;
    }

    /** The CRL of the first {@value #X509_CRL} block. */
    public static X509CRL crl(byte[] pem) throws IOException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(decode(X509_CRL, pem)));
        } catch (CertificateException | CRLException e) {
            throw new IOException("the PEM X509 CRL block is not a CRL: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String label, String body) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("the PEM " + label + " block is not base64: " + e.getMessage(), e);
        }
    }
}
