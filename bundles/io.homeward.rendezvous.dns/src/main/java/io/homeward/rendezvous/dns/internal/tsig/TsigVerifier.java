package io.homeward.rendezvous.dns.internal.tsig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;

import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;

/**
 * Checks a request's TSIG in the order of RFC 8945 §5.2: key and algorithm (BADKEY), the MAC's length (FORMERR,
 * §5.2.2.1), the MAC (BADSIG), then time against the injected clock and the request's fudge (BADTIME), so only
 * a correctly signed request can learn the server's time. A key is known only with its scope, what it may change
 * (docs/enrollment.md, "Per-host keys").
 */
public final class TsigVerifier {
    /** The clock skew accepted whatever fudge the request announces (RFC 8945 recommends a fudge of 300 s). */
    static final Duration MAX_FUDGE = Duration.ofSeconds(300);

    private final Function<String, Optional<TsigKey>> keys;
    private final Function<String, Optional<KeyScope>> scopes;
    private final Clock clock;

    /**
     * @param keys   finds a key by its name (absolute, lower case), for example the account service
     * @param scopes what the key of that name may change
     */
    public TsigVerifier(Function<String, Optional<TsigKey>> keys, Function<String, Optional<KeyScope>> scopes,
            Clock clock) {
        this.keys = keys;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** @param wire the request exactly as received; the MAC covers those bytes */
    public TsigOutcome verify(Message request, byte[] wire) {
        TSIGRecord tsig = request.getTSIG();
        Name keyName = tsig.getName().canonicalize();
        Optional<TsigAlgorithms.Algorithm> algorithm = TsigAlgorithms.of(tsig.getAlgorithm());
        Optional<TsigKey> key = keys.apply(keyName.toString())
                .filter(k -> sameName(k.name(), keyName));
        Optional<KeyRights> rights = key.isEmpty() ? Optional.empty()
                : scopes.apply(keyName.toString()).flatMap(KeyRights::of);
        if (algorithm.isEmpty() || rights.isEmpty()) {
            return new TsigOutcome(Rcode.BADKEY, tsig, null, null);
        }
        if (!algorithm.get().acceptsLength(tsig.getSignature().length)) {
            return new TsigOutcome(Rcode.FORMERR, tsig, null, null);
        }
        SigningKey signingKey = new SigningKey(tsig.getName(), tsig.getAlgorithm(), algorithm.get().jcaName(),
                key.get().secret());
        int error = signingKey.tsig(clock).verify(request, wire, null);
        if (error == Rcode.NOERROR && skew(tsig).compareTo(MAX_FUDGE) > 0) {
            // A client may not widen the replay window by announcing a large fudge of its own.
            error = Rcode.BADTIME;
        }
        return new TsigOutcome(error, tsig, error == Rcode.BADKEY ? null : signingKey, rights.get());
    }

    /** The end of the time in which this verified request's TSIG is accepted (RFC 8945 §5.2.3). */
    public static Instant acceptedUntil(TSIGRecord tsig) {
        Duration fudge = tsig.getFudge().compareTo(MAX_FUDGE) > 0 ? MAX_FUDGE : tsig.getFudge();
        return tsig.getTimeSigned().plus(fudge);
    }

    private Duration skew(TSIGRecord tsig) {
        return Duration.between(clock.instant(), tsig.getTimeSigned()).abs();
    }

    private static boolean sameName(String stored, Name keyName) {
        String absolute = stored.endsWith(".") ? stored : stored + ".";
        return absolute.equalsIgnoreCase(keyName.toString());
    }
}
