package io.homeward.kerberos.internal.kdc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.OptionalInt;

import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.PrincipalName;

/**
 * Makes the KDC's KRB-ERROR messages (RFC 4120 §5.9.1): the KDC's time, the code, the client when the request named
 * one, this realm and the server asked for (or the ticket-granting service), the reason as e-text.
 */
final class KrbErrors {
    /** Room below the 1024 characters a KerberosString may have here (docs/kerberos.md "Hostile input"). */
    static final int MAX_TEXT = 512;

    private final String realm;
    private final Clock clock;

    KrbErrors(String realm, Clock clock) {
        this.realm = realm;
        this.clock = clock;
    }

    /** @param body the request's body, when it could be decoded */
    byte[] encode(int code, String reason, Optional<byte[]> eData, Optional<KdcReqBody> body) {
        Instant now = clock.instant();
        Optional<PrincipalName> cname = body.flatMap(KdcReqBody::cname);
        PrincipalName sname = body.flatMap(KdcReqBody::sname).orElse(PrincipalName.ticketGrantingService(realm));
        return new KrbError(Optional.empty(), OptionalInt.empty(), now, now.get(ChronoField.MICRO_OF_SECOND), code,
                cname.map(name -> body.get().realm()), cname, realm, sname, Optional.of(text(reason)), eData)
                .encode();
    }

    /** The reason as IA5 characters (a subject name may have others), at most {@link #MAX_TEXT} of them. */
    static String text(String reason) {
        StringBuilder text = new StringBuilder(Math.min(reason.length(), MAX_TEXT));
        reason.codePoints().limit(MAX_TEXT).forEach(c -> text.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return text.toString();
    }
}
