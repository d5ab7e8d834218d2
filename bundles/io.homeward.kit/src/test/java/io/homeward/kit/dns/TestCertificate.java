package io.homeward.kit.dns;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** A self-signed EC certificate kept as a test resource, and its fingerprint as {@code openssl x509} shows it. */
final class TestCertificate {
    static final String FINGERPRINT = "2E:B1:50:3A:B7:EB:9F:E4:3D:2E:73:91:51:CC:11:CD:"
            + "B1:54:A5:76:FF:00:4E:E6:36:CD:16:06:04:68:7F:84";

    private TestCertificate() {
    }

    static X509Certificate load() throws Exception {
        try (InputStream pem = TestCertificate.class.getResourceAsStream("server.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }
}
