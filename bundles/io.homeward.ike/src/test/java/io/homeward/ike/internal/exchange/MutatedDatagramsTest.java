package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

/**
 * Every datagram of a whole exchange, mutated thousands of times and thrown at both engines: nothing escapes, no
 * message is half-handled, and the established SAs and their Child SAs stay as they were.
 */
class MutatedDatagramsTest {

    @Test
    void mutationsOfARealExchangeNeitherBreakNorChangeTheEstablishedSas() {
        IkeLab lab = new IkeLab();
        lab.initiate();
        lab.run();
        List<IkeLab.Packet> exchange = List.copyOf(lab.sent);
        Random random = new Random(7296);

        for (int i = 0; i < 5000; i++) {
            IkeLab.Packet original = exchange.get(random.nextInt(exchange.size()));
            byte[] mutated = original.data().clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
            }
            lab.deliver(new IkeLab.Packet(mutated, original.from(), original.to()));
            lab.run();
        }

        assertFalse(lab.laptop.log.has(LogLevel.WARN, "half-handled"), lab.laptop.log.toString());
        assertFalse(lab.home.log.has(LogLevel.WARN, "half-handled"), lab.home.log.toString());
        assertEquals(IkeSaState.ESTABLISHED, established(lab.laptop).state());
        assertEquals(IkeSaState.ESTABLISHED, established(lab.home).state());
        assertEquals(1, lab.laptop.database.installed.size());
        assertEquals(1, lab.home.database.installed.size());
    }

    private static IkeSaStatus established(IkeLab.Node node) {
        return node.status().stream().filter(status -> status.state() == IkeSaState.ESTABLISHED).findFirst()
                .orElseThrow();
    }
}
