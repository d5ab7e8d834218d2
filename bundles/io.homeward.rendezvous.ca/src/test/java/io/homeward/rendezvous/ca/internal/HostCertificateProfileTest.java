package io.homeward.rendezvous.ca.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.ca.HostCertificate;

class HostCertificateProfileTest {
    @TempDir
    Path data;

    @Test
    void theCaCertificateIsAPathLengthZeroCaForTheDomain() throws Exception {
        X509Certificate ca = new TestCa(data).start().certificate();

        assertEquals("CN=Homeward account CA for members.example", ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(0, ca.getBasicConstraints());
        assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertEquals("EC", ca.getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", ca.getSigAlgName());
        assertEquals(Duration.ofDays(3653).plusMinutes(5),
                Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()));
        ca.verify(ca.getPublicKey());
    }

    @Test
    void aHostCertificateHasTheProfileOfTheDesign() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        KeyPair keys = Requests.p256();

        HostCertificate issued = ca.issue(TestCa.ZONE, TestCa.HOST,
                Requests.request(keys, "CN=" + TestCa.NAME, Requests.dns(TestCa.NAME)));
        X509Certificate certificate = issued.certificate();

        assertEquals("CN=" + TestCa.NAME, certificate.getSubjectX500Principal().getName());
        assertEquals(ca.certificate().getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(keys.getPublic(), certificate.getPublicKey());
        List<List<?>> names = List.copyOf(certificate.getSubjectAlternativeNames());
        assertEquals(List.of(List.of(2, TestCa.NAME), List.of(6, "dns:alice.members.example")), names.subList(0, 2));
        assertEquals(3, names.size());
        assertEquals(0, names.get(2).get(0), "otherName");
        assertEquals(List.of("1.3.6.1.5.2.2", "LAPTOP.ALICE.MEMBERS.EXAMPLE", "2",
                "krbtgt", "LAPTOP.ALICE.MEMBERS.EXAMPLE"), pkinitSan((byte[]) names.get(2).get(1)));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.17", "1.3.6.1.5.2.3.4",
                "1.3.6.1.5.2.3.5"), certificate.getExtendedKeyUsage());
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false},
                certificate.getKeyUsage());
        assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals(test.clock.instant().minus(Duration.ofMinutes(5)), certificate.getNotBefore().toInstant());
        assertEquals(test.clock.instant().plus(Duration.ofDays(30)), certificate.getNotAfter().toInstant());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertEquals(1, certificate.getSerialNumber().signum());
        assertTrue(certificate.getSerialNumber().bitLength() <= 128);
        assertArrayEquals(keyIdentifier(ca.certificate()), authorityKeyIdentifier(certificate));
        assertTrue(keyIdentifier(certificate).length > 0);
        assertEquals(TestCa.ZONE, issued.zone());
        assertEquals(TestCa.HOST, issued.host());
        assertTrue(issued.revoked().isEmpty());
    }

    @Test
    void theHostCertificateChainsToTheCaForPkix() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        for (KeyPair keys : List.of(Requests.p256(), Requests.ed25519(), Requests.rsa(2048))) {
            X509Certificate leaf = ca.issue(TestCa.ZONE, TestCa.HOST, Requests.request(keys, "CN=" + TestCa.NAME))
                    .certificate();

            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(test.clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
        }
    }

    @Test
    void aShortLifetimeIsHonoured() throws Exception {
        TestCa test = new TestCa(data, 2);
        CertificateAuthorityComponent ca = test.start();

        X509Certificate certificate = ca.issue(TestCa.ZONE, TestCa.HOST,
                Requests.request(Requests.p256(), "CN=" + TestCa.NAME)).certificate();

        assertEquals(Duration.ofMinutes(2), ca.hostLifetime());
        assertEquals(test.clock.instant().plus(Duration.ofMinutes(2)), certificate.getNotAfter().toInstant());
    }

    /**
     * The otherName's type (the JDK gives the OtherName SEQUENCE), then the KRB5PrincipalName's realm, name type and
     * name components (RFC 4556 §3.2.2).
     */
    private static List<String> pkinitSan(byte[] encoded) {
        OtherName otherName = OtherName.getInstance(encoded);
        ASN1Encodable value = otherName.getValue();
        ASN1Sequence krb5PrincipalName = ASN1Sequence.getInstance(
                value instanceof ASN1TaggedObject tagged ? tagged.getExplicitBaseObject() : value);
        ASN1Sequence principalName = ASN1Sequence.getInstance(
                ASN1TaggedObject.getInstance(krb5PrincipalName.getObjectAt(1)).getExplicitBaseObject());
        List<String> fields = new ArrayList<>();
        fields.add(otherName.getTypeID().getId());
        fields.add(DERGeneralString.getInstance(
                ASN1TaggedObject.getInstance(krb5PrincipalName.getObjectAt(0)).getExplicitBaseObject()).getString());
        fields.add(ASN1Integer.getInstance(ASN1TaggedObject.getInstance(principalName.getObjectAt(0))
                .getExplicitBaseObject()).getValue().toString());
        for (Object component : ASN1Sequence.getInstance(ASN1TaggedObject.getInstance(principalName.getObjectAt(1))
                .getExplicitBaseObject())) {
            fields.add(DERGeneralString.getInstance(component).getString());
        }
        return fields;
    }

    private static byte[] keyIdentifier(X509Certificate certificate) {
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
    }

    private static byte[] authorityKeyIdentifier(X509Certificate certificate) {
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets())
                .getKeyIdentifier();
    }
}
