package io.homeward.rendezvous.transport.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Test helpers for raw DNS-shaped messages: a 12-byte header with an ID, plus padding. */
final class Messages {
    private Messages() {
    }

    static byte[] query(int id, int size) {
        ByteBuffer message = ByteBuffer.allocate(size);
        message.putShort((short) id);
        return message.array();
    }

    static int id(byte[] message) {
        return ((message[0] & 0xff) << 8) | (message[1] & 0xff);
    }

    static byte[] framed(byte[]... messages) {
        int total = 0;
        for (byte[] m : messages) {
            total += m.length + 2;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (byte[] m : messages) {
            out.putShort((short) m.length).put(m);
        }
        return out.array();
    }

    static void write(OutputStream out, byte[]... messages) throws IOException {
        out.write(framed(messages));
        out.flush();
    }

    static byte[] read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] message = new byte[data.readUnsignedShort()];
        data.readFully(message);
        return message;
    }
}
