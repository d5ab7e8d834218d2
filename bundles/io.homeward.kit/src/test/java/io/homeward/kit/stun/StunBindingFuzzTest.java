package io.homeward.kit.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any datagram, read the way the rendezvous STUN server reads a request and the way an agent reads the answer.
 * Neither side throws: a datagram that is not a well-formed Binding message gives null. The datagram is placed at
 * the end of a larger buffer, so that a read past its end fails instead of seeing neighbouring bytes.
 */
class StunBindingFuzzTest {
    private static final int OFFSET = 7;

    @FuzzTest(maxDuration = "10s")
    void aDatagramIsARequestAResponseOrNothing(byte[] datagram) {
        byte[] buffer = new byte[OFFSET + datagram.length];
        System.arraycopy(datagram, 0, buffer, OFFSET, datagram.length);

        byte[] id = StunBinding.requestTransactionId(buffer, OFFSET, datagram.length);
        if (id != null) {
            InetSocketAddress seen = new InetSocketAddress("2001:db8::1", 4500);
            byte[] success = StunBinding.success(id, seen);
            assertEquals(seen, StunBinding.mappedAddress(success, 0, success.length, id));
        }

        // The transaction the datagram names, so that a response gets past the transaction check.
        byte[] transaction = Arrays.copyOfRange(buffer, Math.min(OFFSET + 8, buffer.length),
                Math.min(OFFSET + 8, buffer.length) + StunBinding.TRANSACTION_ID_LENGTH);
        InetSocketAddress mapped = StunBinding.mappedAddress(buffer, OFFSET, datagram.length, transaction);
        if (mapped != null) {
            byte[] again = StunBinding.success(transaction, mapped);
            assertEquals(mapped, StunBinding.mappedAddress(again, 0, again.length, transaction));
            assertArrayEquals(transaction, Arrays.copyOfRange(again, 8, StunBinding.HEADER_LENGTH));
        }
    }
}
