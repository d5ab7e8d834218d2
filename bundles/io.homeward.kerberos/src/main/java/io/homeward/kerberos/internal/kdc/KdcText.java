package io.homeward.kerberos.internal.kdc;

import java.util.Map;
import java.util.TreeMap;

import io.homeward.api.kerberos.KdcStatus;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.wire.ErrorCodes;

/**
 * The text {@code homeward:kdc} prints: realm, where it listens, principals, requests by transport and what became of
 * them (refused sources, handler failures, dropped), tickets issued and KRB-ERRORs by code with their names.
 */
final class KdcText {
    private KdcText() {
    }

    static String render(KdcStatus status, KdcCounters.FrontDoorCounts door) {
        StringBuilder text = new StringBuilder();
        text.append("Realm: ").append(status.realm()).append('\n');
        text.append("Listening: ").append(String.join(", ", status.listening())).append('\n');
        text.append("Principals:");
        if (status.principals().isEmpty()) {
            text.append(" none");
        }
        text.append('\n');
        status.principals().forEach(principal -> text.append("  ").append(principal).append('\n'));
        text.append("Requests: ").append(status.requests()).append(" (").append(door.tcpRequests())
                .append(" TCP, ").append(door.udpRequests()).append(" UDP)\n");
        text.append("Not answered: ").append(status.refusedSources()).append(" from outside the tunnel, ")
                .append(door.dropped()).append(" for their size or pace, ").append(door.handlerFailures())
                .append(" engine failures\n");
        text.append("Issued: ").append(status.asIssued()).append(" AS (TGTs), ").append(status.tgsIssued())
                .append(" TGS (service tickets)\n");
        text.append("KRB-ERRORs by code:");
        if (status.errorsByCode().isEmpty()) {
            text.append(" none");
        }
        text.append('\n');
        for (Map.Entry<Integer, Long> error : new TreeMap<>(status.errorsByCode()).entrySet()) {
            text.append("  ").append(error.getKey()).append('×').append(error.getValue()).append(' ')
                    .append(ErrorCodes.name(error.getKey())).append('\n');
        }
        return text.toString();
    }
}
