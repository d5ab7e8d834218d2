/**
 * The KDC's principal keys and the MIT keytab format (version 0x502) they are kept and exported in.
 *
 * <p>How the engine uses it: {@link io.homeward.kerberos.internal.store.PrincipalKeyStore#open} on activation (a
 * corrupt file fails activation with a one-line reason and is never replaced); the ticket-granting service's keys seal
 * the TGTs it issues and open those a TGS-REQ presents; a service's keys seal its tickets; the registered services'
 * keytabs go to {@code KerberosServices.exportKeytab}. {@link io.homeward.kerberos.internal.store.Keytabs} reads and
 * writes the file format itself.
 */
package io.homeward.kerberos.internal.store;
