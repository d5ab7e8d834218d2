/**
 * The client side of single sign-on (docs/kerberos.md "The client"): tickets for services on the user's other hosts
 * from their KDCs — the AS exchange with PKINIT and this host's certificate, then the TGS exchange — kept until they
 * end, and SPNEGO tokens for HTTP Negotiate; the {@code homeward:tickets} command.
 */
package io.homeward.kerberos.internal.client;
