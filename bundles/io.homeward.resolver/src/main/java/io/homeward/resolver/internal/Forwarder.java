package io.homeward.resolver.internal;

import java.io.IOException;
import java.util.Random;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Asks the rendezvous for the names of the zone the directory does not hold: the question alone, in a new query
 * with a random ID, signed with the host's key; the answer counts only with a valid signature of that key
 * (RFC 8945 §5.3), and goes back to the client unsigned under the client's ID. No answer, or a bad one, is
 * SERVFAIL (RFC 1035 §4.1.1): without the rendezvous this server cannot say whether the name exists.
 */
final class Forwarder {
    private final Upstream upstream;
    private final Random random;
    private final ZoneSoa soa;
    private volatile String lastFailure = "";

    Forwarder(Upstream upstream, Random random, ZoneSoa soa) {
        this.upstream = upstream;
        this.random = random;
        this.soa = soa;
    }

    /** Blocks for at most the upstream's timeout. */
    Decision.Reply forward(Message query, SignedIn signedIn) {
        Message question = new Message(random.nextInt(0x10000));
        question.addRecord(query.getQuestion(), Section.QUESTION);
        byte[] wire;
        TSIGRecord tsig;
        synchronized (signedIn.signer()) {
            wire = signedIn.signer().sign(question);
            tsig = question.getTSIG();
        }
        Message answer;
        try {
            byte[] answerWire = upstream.exchange(wire);
            answer = new Message(answerWire);
            boolean verified;
            synchronized (signedIn.signer()) {
                verified = signedIn.signer().verify(answer, answerWire, tsig);
            }
            if (!verified) {
                return failed(query, "the answer from " + upstream + " is not signed with this host's key ("
                        + Rcode.string(answer.getRcode()) + ")");
            }
        } catch (IOException e) {
            return failed(query, "no answer from " + upstream + ": " + e.getMessage());
        }
        Message response = Responses.to(query, answer.getRcode(), answer.getHeader().getFlag(Flags.AA));
        Name zone = signedIn.zone();
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (Record record : answer.getSection(section)) {
                if (record.getType() != Type.OPT && record.getType() != Type.TSIG) {
                    response.addRecord(record, section);
                    soa.offer(record, zone);
                }
            }
        }
        return new Decision.Reply(response, Decision.Outcome.FORWARDED);
    }

    /** Asks the zone's SOA, so that negative answers given without the rendezvous carry it. */
    void learnSoa(SignedIn signedIn) {
        Message query = new Message(random.nextInt(0x10000));
        query.addRecord(Record.newRecord(signedIn.zone(), Type.SOA, DClass.IN), Section.QUESTION);
        forward(query, signedIn);
    }

    /** Why the last forward failed, empty when none did. */
    String lastFailure() {
        return lastFailure;
    }

    private Decision.Reply failed(Message query, String why) {
        lastFailure = why;
        return new Decision.Reply(Responses.to(query, Rcode.SERVFAIL, false), Decision.Outcome.FORWARD_FAILED);
    }

}
