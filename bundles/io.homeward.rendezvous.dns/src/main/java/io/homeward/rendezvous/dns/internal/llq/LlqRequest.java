package io.homeward.rendezvous.dns.internal.llq;

import org.xbill.DNS.Header;
import org.xbill.DNS.Message;

import io.homeward.api.dns.DnsResponder;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.watch.Question;

/**
 * One LLQ setup or refresh as received: the message, its LLQ option and question, its verified TSIG (null when
 * unsigned) and the way back to the client.
 */
record LlqRequest(Message message, Header header, LlqOption option, Question question, TsigOutcome tsig,
        DnsResponder responder) {
}
