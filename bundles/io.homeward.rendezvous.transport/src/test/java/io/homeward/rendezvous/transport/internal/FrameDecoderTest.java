package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final List<byte[]> messages = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(messages::add);

    @Test
    void splitsSeveralMessagesArrivingInOneChunk() throws Exception {
        byte[] first = Messages.query(1, 12);
        byte[] second = Messages.query(2, 300);
        decoder.feed(ByteBuffer.wrap(Messages.framed(first, second)));
        assertEquals(2, messages.size());
        assertArrayEquals(first, messages.get(0));
        assertArrayEquals(second, messages.get(1));
    }

    @Test
    void reassemblesAMessageArrivingOneByteAtATime() throws Exception {
        byte[] message = Messages.query(7, 40);
        for (byte b : Messages.framed(message)) {
            assertTrue(messages.isEmpty());
            decoder.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(1, messages.size());
        assertArrayEquals(message, messages.get(0));
    }

    @Test
    void remembersAPartialLengthPrefix() throws Exception {
        decoder.feed(ByteBuffer.wrap(new byte[] {0}));
        assertTrue(messages.isEmpty());
        decoder.feed(ByteBuffer.wrap(new byte[] {12, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals(1, messages.size());
        assertEquals(9, Messages.id(messages.get(0)));
    }

    @Test
    void growsItsBufferWithTheBytesThatArriveNotWithTheAnnouncedLength() throws Exception {
        byte[] message = Messages.query(3, 65535);
        byte[] framed = Messages.framed(message);
        decoder.feed(ByteBuffer.wrap(framed, 0, 3));
        assertTrue(decoder.inMessage());
        assertTrue(decoder.buffered() <= FrameDecoder.INITIAL_BUFFER,
                "a 65535-byte length and one byte hold " + decoder.buffered() + " bytes");
        decoder.feed(ByteBuffer.wrap(framed, 3, 2000));
        assertTrue(decoder.buffered() <= 4 * 2003, "held: " + decoder.buffered());
        decoder.feed(ByteBuffer.wrap(framed, 2003, framed.length - 2003));
        assertEquals(1, messages.size());
        assertArrayEquals(message, messages.get(0));
        assertFalse(decoder.inMessage());
        assertEquals(0, decoder.buffered());
    }

    @Test
    void isInAMessageFromTheFirstByteOfItsLength() throws Exception {
        assertFalse(decoder.inMessage());
        decoder.feed(ByteBuffer.wrap(new byte[] {0}));
        assertTrue(decoder.inMessage());
    }

    @Test
    void refusesALengthShorterThanADnsHeader() {
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> decoder.feed(ByteBuffer.wrap(new byte[] {0, 3, 'a', 'b', 'c'})));
        assertTrue(e.getMessage().contains("length prefix 3"), e.getMessage());
        assertTrue(messages.isEmpty());
    }
}
