package io.homeward.kerberos.internal.kdc;

/**
 * A ticket the KDC issued: the KDC-REP to send and what to log about it.
 *
 * @param reply   the AS-REP or TGS-REP (RFC 4120 §5.4.2)
 * @param summary one line: client, server and end time
 */
record Issued(byte[] reply, String summary) {
}
