package io.homeward.api.kerberos;

import java.util.List;
import java.util.Map;

/**
 * What this host's KDC is doing.
 *
 * @param realm       the realm, the host's name in upper case
 * @param listening   where it answers (the host's ULA, port 88, TCP and UDP), or why it does not
 * @param principals  the principals it knows: the TGS and the registered services
 * @param requests    requests from the tunnel handed to the engine since start, over UDP and TCP
 * @param refusedSources datagrams and connections from outside the tunnel, not answered, since start
 * @param asIssued    tickets issued by the AS exchange (PKINIT) since start
 * @param tgsIssued   tickets issued by the TGS exchange since start
 * @param errorsByCode KRB-ERRORs sent since start, by error code (RFC 4120 §7.5.9, RFC 4556 §3.1.3)
 * @since 1.0
 */
public record KdcStatus(String realm, List<String> listening, List<String> principals, long requests,
        long refusedSources, long asIssued, long tgsIssued, Map<Integer, Long> errorsByCode) {
    public KdcStatus {
        listening = List.copyOf(listening);
        principals = List.copyOf(principals);
        errorsByCode = Map.copyOf(errorsByCode);
    }
}
