package io.homeward.registrar.internal;

import java.math.BigInteger;
import java.time.Instant;

import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;

import io.homeward.api.auth.TsigKey;

/** Turns an UPDATE's error answer into a reason an operator can act on. */
final class UpdateAnswers {
    private UpdateAnswers() {
    }

    /** Returns quietly for NOERROR; otherwise throws with the reason. */
    static void check(Message response, TsigKey key, String zone, String server) throws UpdateFailure {
        TSIGRecord tsig = response.getTSIG();
        int tsigError = tsig == null ? Rcode.NOERROR : tsig.getError();
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR && tsigError == Rcode.NOERROR) {
            return;
        }
        // RFC 8945 §5.2: TSIG failures come back as NOTAUTH with the cause in the TSIG error field.
        throw new UpdateFailure(switch (tsigError) {
            case Rcode.BADKEY -> "BADKEY: the update server " + server + " does not know the key " + key.name()
                    + "; the account may not exist there: sign in again";
            case Rcode.BADSIG -> "BADSIG: the update server " + server + " rejected the signature of "
                    + key.name() + "; the password may have changed: sign in again";
            case Rcode.BADTIME -> "BADTIME: this host's clock and the update server's differ by more than the "
                    + "allowed 300 s" + skew(tsig) + "; set the clock right (NTP)";
            default -> switch (rcode) {
                case Rcode.REFUSED -> "REFUSED: the update server " + server + " does not let key " + key.name()
                        + " change zone " + zone;
                case Rcode.NOTAUTH -> "NOTAUTH: the update server " + server + " is not authoritative for "
                        + zone + " or did not accept key " + key.name();
                default -> Rcode.string(rcode) + ": the update server " + server + " did not apply the update";
            };
        });
    }

    /** A BADTIME answer carries the server's clock as a 48-bit time in Other Data (RFC 8945 §5.2.3). */
    private static String skew(TSIGRecord tsig) {
        byte[] other = tsig.getOther();
        if (other == null || other.length != 6) {
            return "";
        }
        long serverTime = new BigInteger(1, other).longValue();
        return " (server time " + Instant.ofEpochSecond(serverTime) + ", this host signed at "
                + tsig.getTimeSigned() + ")";
    }
}
