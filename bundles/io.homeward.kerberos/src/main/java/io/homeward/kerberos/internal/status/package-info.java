/**
 * What the KDC has done since it started, for {@code homeward:kdc} and the console: the front door
 * ({@code internal.net}) counts requests and refused sources; the AS/TGS engine counts the tickets it issues and every
 * KRB-ERROR it sends by its code, and asks {@link io.homeward.kerberos.internal.status.KdcCounters#status} for the
 * {@link io.homeward.api.kerberos.KdcStatus} it answers {@code KerberosServices.status()} with.
 */
package io.homeward.kerberos.internal.status;
