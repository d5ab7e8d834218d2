/**
 * The Kerberos messages on the wire (RFC 4120 §5 and Appendix A) as immutable records on Bouncy Castle's ASN.1, each
 * with {@code encode()} and a static {@code decode(byte[])}; {@link io.homeward.kerberos.internal.wire.KerberosMessage#decode}
 * dispatches by APPLICATION tag. Also the TCP framing (RFC 4120 §7.2.2), the GSS-API framing (RFC 2743 §3.1,
 * RFC 4121 §4.1) and SPNEGO (RFC 4178). Decoding is bounded — message length, nesting, SEQUENCE OF sizes, principal
 * components, string lengths — and everything that goes wrong is a
 * {@link io.homeward.kerberos.internal.wire.KerberosFormatException} with a one-line reason. See docs/kerberos.md.
 */
package io.homeward.kerberos.internal.wire;
