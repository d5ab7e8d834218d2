package io.homeward.kerberos.internal.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.homeward.api.kerberos.KdcStatus;

/**
 * The KDC's counters since start, safe to increment from every listener and worker thread at once. The front door
 * increments {@link #udpRequest}, {@link #tcpRequest}, {@link #refusedSource}, {@link #handlerFailure} and
 * {@link #dropped}; the engine increments {@link #asIssued}, {@link #tgsIssued} and {@link #error} (once per KRB-ERROR
 * it answers with, including the RESPONSE_TOO_BIG and FIELD_TOOLONG errors it builds for the front door). Error
 * codes are counted up to {@link #MAX_CODES} distinct values (RFC 4120 §7.5.9 and RFC 4556 §3.1.3 define fewer than
 * 100); a code beyond that is counted as {@link #OTHER_CODE}.
 */
public final class KdcCounters {
    /** Distinct error codes counted; the map stays bounded whatever an engine bug sends. */
    static final int MAX_CODES = 128;
    /** KRB_ERR_GENERIC (RFC 4120 §7.5.9): where codes beyond {@link #MAX_CODES} distinct ones are counted. */
    public static final int OTHER_CODE = 60;

    /** The request counts that {@link KdcStatus} has no place for, for the shell and the console. */
    public record FrontDoorCounts(long udpRequests, long tcpRequests, long refusedSources, long handlerFailures,
            long dropped) {
    }

    private final LongAdder udpRequests = new LongAdder();
    private final LongAdder tcpRequests = new LongAdder();
    private final LongAdder refusedSources = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder asIssued = new LongAdder();
    private final LongAdder tgsIssued = new LongAdder();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();

    /** A datagram from an allowed source goes to the handler. */
    public void udpRequest() {
        udpRequests.increment();
    }

    /** A whole length-prefixed message from an allowed source goes to the handler. */
    public void tcpRequest() {
        tcpRequests.increment();
    }

    /** A datagram or connection from a source outside the tunnel was not answered. */
    public void refusedSource() {
        refusedSources.increment();
    }

    /** The handler threw: nothing was answered (the TCP connection was closed). */
    public void handlerFailure() {
        handlerFailures.increment();
    }

    /**
     * A request was not answered for its size or its sender's pace: a TCP length over the bound, a connection over
     * the limit or idle too long, a datagram too long, or a RESPONSE_TOO_BIG error itself over the datagram bound.
     */
    public void dropped() {
        dropped.increment();
    }

    /** The AS exchange issued a ticket (RFC 4120 §3.1). */
    public void asIssued() {
        asIssued.increment();
    }

    /** The TGS exchange issued a ticket (RFC 4120 §3.3). */
    public void tgsIssued() {
        tgsIssued.increment();
    }

    /** A KRB-ERROR with this code was sent (RFC 4120 §5.9.1). */
    public void error(int code) {
        LongAdder counter = errors.get(code);
        if (counter == null) {
            int key = errors.size() < MAX_CODES ? code : OTHER_CODE;
            counter = errors.computeIfAbsent(key, k -> new LongAdder());
        }
        counter.increment();
    }

    public FrontDoorCounts frontDoor() {
        return new FrontDoorCounts(udpRequests.sum(), tcpRequests.sum(), refusedSources.sum(), handlerFailures.sum(),
                dropped.sum());
    }

    /**
     * The status {@code KerberosServices.status()} answers with.
     *
     * @param listening  where the front door answers, or why it does not ({@code KdcFrontDoor.listening()})
     * @param principals the principals the key store knows ({@code PrincipalKeyStore.principals()})
     */
    public KdcStatus status(String realm, List<String> listening, List<String> principals) {
        Map<Integer, Long> byCode = new TreeMap<>();
        errors.forEach((code, count) -> byCode.put(code, count.sum()));
        return new KdcStatus(realm, listening, principals, udpRequests.sum() + tcpRequests.sum(),
                refusedSources.sum(), asIssued.sum(), tgsIssued.sum(), byCode);
    }
}
