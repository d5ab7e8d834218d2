package io.homeward.rendezvous.dns.internal.tsig;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Adds the TSIG record to responses (RFC 8945 §5.3): a full signature for an answer to a verified request, a
 * chained one for the later messages of a zone transfer (§5.3.1), an unsigned error record for BADKEY and
 * BADSIG (§5.3.2), and for BADTIME a signed record carrying the server's time in Other Data.
 */
public final class TsigSigner {
    /**
     * TSIG RR bytes besides the two names: type, class, TTL, RDLENGTH, time, fudge, MAC size, a 64-byte MAC,
     * original ID, error, other length and 6 bytes of other data.
     */
    private static final int FIXED_BYTES = 10 + 6 + 2 + 2 + 64 + 2 + 2 + 2 + 6;

    private final Clock clock;

    public TsigSigner(Clock clock) {
        this.clock = clock;
    }

    /** Room to keep free for the TSIG record of a response to this request. */
    public static int reserve(TsigOutcome outcome) {
        return outcome.request().getName().length() + outcome.request().getAlgorithm().length() + FIXED_BYTES;
    }

    /** Signs {@code response} as the answer to the request {@code outcome} describes. */
    public void sign(Message response, TsigOutcome outcome) {
        switch (outcome.error()) {
            case Rcode.NOERROR -> outcome.key().tsig(clock).apply(response, Rcode.NOERROR, outcome.request(), true);
            case Rcode.BADTIME -> signBadTime(response, outcome);
            default -> response.addRecord(new TSIGRecord(outcome.request().getName(), DClass.ANY, 0,
                    outcome.request().getAlgorithm(), clock.instant(), TSIG.FUDGE, new byte[0],
                    response.getHeader().getID(), outcome.error(), null), Section.ADDITIONAL);
        }
    }

    /**
     * Signs the messages of a multi-message response as they are produced, each chained to the previous MAC;
     * the returned signer must see them in order.
     */
    public Consumer<Message> streamSigner(TsigOutcome outcome) {
        TSIG tsig = outcome.key().tsig(clock);
        TSIGRecord[] previous = {outcome.request()};
        boolean[] first = {true};
        return response -> {
            tsig.apply(response, Rcode.NOERROR, previous[0], first[0]);
            previous[0] = response.getTSIG();
            first[0] = false;
        };
    }

    /*
     * dnsjava's generator leaves Other Data out of the MAC input, so BADTIME is signed here: request MAC,
     * response, then the TSIG variables with the request's Time Signed and Other Data = server time (§5.2.3).
     */
    private void signBadTime(Message response, TsigOutcome outcome) {
        TSIGRecord request = outcome.request();
        SigningKey key = outcome.key();
        byte[] serverTime = time48(clock.instant());
        ByteArrayOutputStream variables = new ByteArrayOutputStream();
        variables.writeBytes(key.name().toWireCanonical());
        variables.writeBytes(new byte[] {0, (byte) DClass.ANY, 0, 0, 0, 0});
        variables.writeBytes(key.algorithm().toWireCanonical());
        variables.writeBytes(time48(request.getTimeSigned()));
        variables.writeBytes(u16((int) request.getFudge().getSeconds()));
        variables.writeBytes(u16(Rcode.BADTIME));
        variables.writeBytes(u16(serverTime.length));
        variables.writeBytes(serverTime);
        try {
            Mac mac = Mac.getInstance(key.jcaName());
            mac.init(new SecretKeySpec(key.secret(), key.jcaName()));
            mac.update(u16(request.getSignature().length));
            mac.update(request.getSignature());
            mac.update(response.toWire());
            byte[] signature = mac.doFinal(variables.toByteArray());
            response.addRecord(new TSIGRecord(key.name(), DClass.ANY, 0, key.algorithm(), request.getTimeSigned(),
                    request.getFudge(), signature, response.getHeader().getID(), Rcode.BADTIME, serverTime),
                    Section.ADDITIONAL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + key.jcaName(), e);
        }
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] time48(Instant instant) {
        long t = instant.getEpochSecond();
        return new byte[] {(byte) (t >>> 40), (byte) (t >>> 32), (byte) (t >>> 24), (byte) (t >>> 16),
                (byte) (t >>> 8), (byte) t};
    }
}
