package io.homeward.watcher.internal.wire;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import io.homeward.kit.dns.wire.LlqOption;

/** Builds the client's LLQ messages (RFC 8764 §3.2, §4, §6.2); all unsigned, the caller signs. */
public final class LlqMessages {

    private LlqMessages() {
    }

    /** A setup, challenge response or refresh: an ordinary query (RD set, as Apple's client) carrying the option. */
    public static Message request(int messageId, Name name, int type, LlqOption option) {
        Message message = new Message(messageId);
        message.getHeader().setFlag(Flags.RD);
        message.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
        message.addRecord(option.toOpt(), Section.ADDITIONAL);
        return message;
    }

    /** The acknowledgement of an event: same ID and question, response flags, a copy of the event's option (§6.2). */
    public static Message acknowledgement(Message event, LlqOption option) {
        Message ack = new Message(event.getHeader().getID());
        ack.getHeader().setFlag(Flags.QR);
        ack.getHeader().setFlag(Flags.AA);
        Record question = event.getQuestion();
        if (question != null) {
            ack.addRecord(question, Section.QUESTION);
        }
        ack.addRecord(option.toOpt(), Section.ADDITIONAL);
        return ack;
    }
}
