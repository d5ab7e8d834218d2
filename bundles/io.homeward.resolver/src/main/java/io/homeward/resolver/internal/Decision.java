package io.homeward.resolver.internal;

import org.xbill.DNS.Message;

/** What to do with one query. */
sealed interface Decision {

    /** Send this response. */
    record Reply(Message response, Outcome outcome) implements Decision {
    }

    /** A name of the zone the directory does not hold: ask the rendezvous. */
    record Forward() implements Decision {
    }

    /** Not a query at all (a response, for example): answer nothing. */
    record Drop() implements Decision {
    }

    /** How a query ended, as the counters tell it. */
    enum Outcome {
        /** Answered from the peer directory. */
        DIRECTORY,
        /** Answered by the rendezvous. */
        FORWARDED,
        /** The rendezvous did not answer (in time, or with a valid signature): SERVFAIL. */
        FORWARD_FAILED,
        /** Outside the zone, or no zone yet: REFUSED. */
        REFUSED,
        /** Not understood: FORMERR or NOTIMP. */
        MALFORMED
    }
}
