/**
 * The KDC's engine (RFC 4120 §3.1 and §3.3; docs/kerberos.md "The KDC's engine"): the AS exchange with PKINIT and the
 * TGS exchange, answering what the front door hands it with a KDC-REP or a KRB-ERROR; and the component that runs
 * the KDC while the host is signed in.
 */
package io.homeward.kerberos.internal.kdc;
