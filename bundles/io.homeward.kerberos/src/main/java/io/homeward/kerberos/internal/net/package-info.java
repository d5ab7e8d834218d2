/**
 * The KDC's front door (RFC 4120 §7.2): UDP and TCP listeners on the host's ULA, port 88, that hand each request's
 * bytes to the AS/TGS engine and send back what it answers.
 *
 * <p>How the engine uses it: it implements {@link io.homeward.kerberos.internal.net.KdcRequestHandler} (decode the
 * KDC-REQ, answer a KDC-REP or a KRB-ERROR; build KRB-ERROR 52 RESPONSE_TOO_BIG and 61 FIELD_TOOLONG when asked) and,
 * on activation, calls {@link io.homeward.kerberos.internal.net.KdcFrontDoor#open} with the host's ULAs, the
 * {@link io.homeward.kerberos.internal.net.FrontDoorSettings} from its configuration, a
 * {@link io.homeward.kerberos.internal.net.TunnelSources} (only a ULA of a listed peer or of this host is answered),
 * the shared {@link io.homeward.kerberos.internal.status.KdcCounters} and its logger; on deactivation (or when the ULA
 * changes) it closes the front door, which releases its sockets and threads. The handler is called from several
 * threads at once (one per TCP connection, one per UDP address) and must be thread-safe; whatever it throws is logged
 * and counted, and never stops a listener.
 */
package io.homeward.kerberos.internal.net;
