/**
 * What a service on this host does with what its clients present (RFC 4120 §3.2.3, RFC 4121, RFC 4178): the
 * {@link io.homeward.kerberos.internal.service.KerberosServiceAcceptor} behind each
 * {@code KerberosServices.register}. See docs/kerberos.md, "Services".
 */
package io.homeward.kerberos.internal.service;
