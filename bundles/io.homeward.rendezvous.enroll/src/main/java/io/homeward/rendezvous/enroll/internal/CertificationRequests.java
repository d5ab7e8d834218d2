package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The PKCS#10 request (RFC 2986) in the body of {@code simpleenroll} and {@code simplereenroll}: base64 DER
 * (RFC 7030 §4.2.1), naming the host in its subject as {@code CN=host.zone}. Its signature, key and names are the
 * CA's to check; this reads only which host it is for.
 */
final class CertificationRequests {
    /**
     * A request and the host it names.
     *
     * @param der  the request
     * @param fqdn {@code host.zone}, lower case, without the final dot
     */
    record Request(byte[] der, String fqdn) {
        String host() {
            return fqdn.substring(0, fqdn.indexOf('.'));
        }

        /** The zone, absolute. */
        String zone() {
            return fqdn.substring(fqdn.indexOf('.') + 1) + ".";
        }
    }

    private CertificationRequests() {
    }

    static Request read(byte[] body) throws HttpException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(new String(body, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "the body is not base64 (RFC 7030 §4.2.1 sends the PKCS#10 request in base64)");
        }
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new HttpException(400, "the body is not a PKCS#10 certification request");
        }
        RDN[] names = request.getSubject().getRDNs(BCStyle.CN);
        if (names.length != 1) {
            throw new HttpException(400, "the request's subject must be exactly CN=host.zone");
        }
        String fqdn = IETFUtils.valueToString(names[0].getFirst().getValue()).toLowerCase(Locale.ROOT);
        if (fqdn.endsWith(".")) {
            fqdn = fqdn.substring(0, fqdn.length() - 1);
        }
        if (fqdn.indexOf('.') <= 0 || fqdn.indexOf('.') == fqdn.length() - 1) {
            throw new HttpException(400, "the request's subject must be CN=host.zone, not CN=" + fqdn);
        }
        return new Request(der, fqdn);
    }
}
