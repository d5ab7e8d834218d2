package io.homeward.rendezvous.dns.internal.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsTransport;

class AnswerCacheTest {
    private final AtomicLong generation = new AtomicLong();
    private final AnswerCache cache = new AnswerCache(generation::get, 3);

    @Test
    void plainAndBareEdnsQueriesAreCacheable() throws Exception {
        assertTrue(AnswerCache.keyOf(query(), DnsTransport.UDP).isPresent());
        Message edns = Message.newQuery(question(Type.AAAA));
        edns.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        assertTrue(AnswerCache.keyOf(edns.toWire(), DnsTransport.UDP).isPresent());
    }

    @Test
    void signedQueriesLlqAndOtherOptionsTransfersAndResponsesAreNot() throws Exception {
        Message withOption = Message.newQuery(question(Type.AAAA));
        withOption.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(1, new byte[18]))),
                Section.ADDITIONAL);
        assertTrue(AnswerCache.keyOf(withOption.toWire(), DnsTransport.UDP).isEmpty(), "an LLQ option");
        Message signed = Message.newQuery(question(Type.AAAA));
        new TSIG(TSIG.HMAC_SHA256, "alice.members.example.", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=").apply(signed, null);
        assertTrue(AnswerCache.keyOf(signed.toWire(), DnsTransport.UDP).isEmpty(), "a TSIG");
        assertTrue(AnswerCache.keyOf(Message.newQuery(question(Type.AXFR)).toWire(), DnsTransport.TCP).isEmpty(), "a transfer");
        byte[] response = query();
        response[2] |= (byte) 0x80;
        assertTrue(AnswerCache.keyOf(response, DnsTransport.UDP).isEmpty(), "a response");
        assertTrue(AnswerCache.keyOf(new byte[] {1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12, 0, 1, 0, 1},
                DnsTransport.UDP).isEmpty(), "a compression pointer");
        assertTrue(AnswerCache.keyOf(java.util.Arrays.copyOf(query(), 20), DnsTransport.UDP).isEmpty(), "cut short");
    }

    @Test
    void answersWithTheQuerysIdUntilTheZonesChange() throws Exception {
        byte[] first = query();
        AnswerCache.Key key = AnswerCache.keyOf(first, DnsTransport.UDP).orElseThrow();
        byte[] answer = first.clone();
        answer[2] |= (byte) 0x80;
        cache.remember(key, generation.get(), answer);

        byte[] second = query();
        byte[] cached = cache.answer(AnswerCache.keyOf(second, DnsTransport.UDP).orElseThrow(), second);
        assertEquals(second[0], cached[0]);
        assertEquals(second[1], cached[1]);
        assertArrayEquals(java.util.Arrays.copyOfRange(answer, 2, answer.length), java.util.Arrays.copyOfRange(cached, 2, cached.length));
        assertNull(cache.answer(AnswerCache.keyOf(second, DnsTransport.TCP).orElseThrow(), second), "another transport");

        generation.incrementAndGet();
        assertNull(cache.answer(key, second), "the zones changed");
    }

    @Test
    void anAnswerBuiltWhileTheZonesChangedIsNotKept() throws Exception {
        byte[] q = query();
        AnswerCache.Key key = AnswerCache.keyOf(q, DnsTransport.UDP).orElseThrow();
        long before = generation.get();
        generation.incrementAndGet();
        cache.remember(key, before, q);
        assertNull(cache.answer(key, q));
    }

    @Test
    void onlyNoErrorAndNxdomainAreKept() {
        assertTrue(AnswerCache.isDefinite(new byte[] {0, 0, (byte) 0x84, 0x00}));
        assertTrue(AnswerCache.isDefinite(new byte[] {0, 0, (byte) 0x84, 0x03}));
        assertFalse(AnswerCache.isDefinite(new byte[] {0, 0, (byte) 0x84, 0x02}), "SERVFAIL");
        assertFalse(AnswerCache.isDefinite(new byte[] {0, 0, (byte) 0x84, 0x05}), "REFUSED");
    }

    private static byte[] query() throws Exception {
        return Message.newQuery(question(Type.AAAA)).toWire();
    }

    private static Record question(int type) throws Exception {
        return Record.newRecord(Name.fromString("laptop.alice.members.example."), type, DClass.IN);
    }
}
