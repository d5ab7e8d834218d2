package io.homeward.kerberos.internal.client;

import java.io.IOException;

/** Carries one request to the KDC of a host and brings back its answer (RFC 4120 §7.2); a seam for the tests. */
@FunctionalInterface
interface KdcTransport {

    /**
     * @param host the fully qualified name of the host whose KDC is asked
     * @param request an AS-REQ or TGS-REQ
     * @return the KDC's answer, a KDC-REP or a KRB-ERROR, not yet decoded
     * @throws IOException when the KDC cannot be reached or does not answer in time, with a one-line reason
     */
    byte[] exchange(String host, byte[] request) throws IOException;
}
