package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.NotifyType;

/**
 * At least 100,000 mutated IKE datagrams thrown at two engines with an established IKE SA, from a fixed seed: the
 * mutations start from every message of a real IKE_SA_INIT and IKE_AUTH, of one carried in SKF fragments (RFC 7383),
 * of an INFORMATIONAL DELETE exchange, and of those SK messages re-headed as CREATE_CHILD_SA and aimed at the SPIs of
 * the established SA (so the SK path, RFC 7296 §3.14, is reached, not only the SPI lookup), some from spoofed
 * addresses. Nothing escapes, no message is half-handled, the half-open SAs never pass the COOKIE threshold (§2.6)
 * and are gone after the half-open timeout, the established SA stays, and a legitimate handshake still completes.
 */
class FuzzedDatagramsTest {
    private static final int DATAGRAMS = 100_000;
    /** Half-open SAs (all sources) from which the responder asks for a COOKIE. */
    private static final int THRESHOLD = 30;
    /**
     * The clock's step per datagram: 25 s in all, so the established SA stays idle short of a liveness check (RFC 7296
     * §2.4, 30 s) whose messages would move the message IDs the aimed datagrams carry.
     */
    private static final Duration STEP = Duration.ofNanos(250_000);
    private static final int CREATE_CHILD_SA = ExchangeType.CREATE_CHILD_SA.code();
    /** Offsets in the IKE header (RFC 7296 §3.1). */
    private static final int RESPONDER_SPI = 8;
    private static final int EXCHANGE_TYPE = 18;
    private static final int MESSAGE_ID = 20;
    private static final int LENGTH = 24;

    @Test
    void oneHundredThousandMutatedDatagramsNeitherBreakNorSwellTheEngines() {
        IkeLab lab = new IkeLab();
        lab.home.halfOpen = new HalfOpenCounter(THRESHOLD, 3, 1000);
        lab.initiate();
        lab.run();
        IkeSaStatus established = established(lab.home);
        List<IkeLab.Packet> corpus = corpus(lab, established);
        Random random = new Random(7296);
        lab.lose = packet -> !packet.to().equals(lab.laptop.endpoint) && !packet.to().equals(lab.home.endpoint);
        int mostHalfOpen = 0;
        int mostSas = 0;
        long cookies = 0;

        long start = System.nanoTime();
        for (int i = 0; i < DATAGRAMS; i++) {
            IkeLab.Packet original = corpus.get(random.nextInt(corpus.size()));
            InetSocketAddress from = random.nextInt(4) == 0 ? spoofed(random) : original.from();
            lab.deliver(new IkeLab.Packet(mutate(original.data(), corpus, random), from, original.to()));
            lab.run();
            lab.scheduler.advance(STEP);
            mostHalfOpen = Math.max(mostHalfOpen, lab.home.halfOpen.total());
            mostSas = Math.max(mostSas, lab.home.status().size());
            if (lab.sent.size() > 10_000 || i == DATAGRAMS - 1) {
                cookies += lab.sent.stream().filter(packet -> packet.from().equals(lab.home.endpoint)
                        && exchange(packet) == ExchangeType.IKE_SA_INIT.code()
                        && !packet.message().notifies(NotifyType.COOKIE).isEmpty()).count();
                lab.sent.clear();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long unopened = lab.home.log.count(LogLevel.DEBUG, "that does not open")
                + lab.laptop.log.count(LogLevel.DEBUG, "that does not open");
        System.out.printf("IKE engines took %,d fuzzed datagrams in %,d ms; at most %d half-open SAs, %d SAs at the"
                + " responder; %,d COOKIE answers; %,d SK messages that did not open%n", DATAGRAMS, millis,
                mostHalfOpen, mostSas, cookies, unopened);

        assertFalse(lab.laptop.log.has(LogLevel.WARN, "half-handled"), lab.laptop.log.messages(LogLevel.WARN).toString());
        assertFalse(lab.home.log.has(LogLevel.WARN, "half-handled"), lab.home.log.messages(LogLevel.WARN).toString());
        assertTrue(cookies > 0, "the responder asked for COOKIEs");
        assertTrue(unopened > DATAGRAMS / 20, "the SK path was reached: " + unopened);
        assertTrue(mostHalfOpen <= THRESHOLD, "half-open SAs past the COOKIE threshold: " + mostHalfOpen);
        assertTrue(mostSas <= THRESHOLD + 1, "the responder's SAs past the COOKIE threshold: " + mostSas);
        assertEquals(IkeSaState.ESTABLISHED, established(lab.laptop).state());
        assertEquals(established.localSpi(), established(lab.home).localSpi());
        assertEquals(1, lab.home.database.installed.size());

        lab.scheduler.advance(IkeSettings.HALF_OPEN_TIMEOUT.plusSeconds(1));
        assertEquals(0, lab.home.halfOpen.total());
        assertEquals(List.of(established.localSpi()), lab.home.status().stream().map(IkeSaStatus::localSpi).toList());

        lab.lose = packet -> false;
        int children = lab.home.childrenTold.size();
        long spi = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();
        assertTrue(lab.laptop.status().stream().anyMatch(sa -> sa.localSpi() == spi
                && sa.state() == IkeSaState.ESTABLISHED), "a handshake after the fuzzing: " + lab.laptop.status());
        assertTrue(lab.home.status().stream().anyMatch(sa -> sa.initiatorSpi() == spi
                && sa.state() == IkeSaState.ESTABLISHED), "the responder's side of it: " + lab.home.status());
        assertEquals(children + 1, lab.home.childrenTold.size(), "a Child SA installed by the responder");
    }

    /**
     * Real datagrams: the lab's own exchange, a fragmented one, a DELETE exchange, and every SK message of those
     * also re-headed as a CREATE_CHILD_SA request (message ID 2) with the SPIs of the lab's established SA.
     */
    private static List<IkeLab.Packet> corpus(IkeLab lab, IkeSaStatus established) {
        List<IkeLab.Packet> corpus = new ArrayList<>(lab.sent);
        IkeLab fragmented = new IkeLab();
        fragmented.laptop.with(settings -> IkeEngineTest.smallMessages(settings, 400));
        fragmented.home.with(settings -> IkeEngineTest.smallMessages(settings, 400));
        fragmented.initiate();
        fragmented.run();
        corpus.addAll(fragmented.sent);
        IkeLab deleting = new IkeLab();
        long spi = deleting.initiate();
        deleting.run();
        deleting.laptop.engine.delete(spi, "the corpus needs an INFORMATIONAL exchange");
        deleting.run();
        corpus.addAll(deleting.sent);
        assertTrue(corpus.stream().anyMatch(packet -> exchange(packet) == ExchangeType.INFORMATIONAL.code()));

        List<IkeLab.Packet> aimed = new ArrayList<>();
        for (IkeLab.Packet packet : corpus) {
            if (exchange(packet) != ExchangeType.IKE_SA_INIT.code()) {
                aimed.add(new IkeLab.Packet(reheaded(packet.data(), established, exchange(packet)), packet.from(),
                        packet.to()));
                aimed.add(new IkeLab.Packet(reheaded(packet.data(), established, CREATE_CHILD_SA), packet.from(),
                        packet.to()));
            }
        }
        corpus.addAll(aimed);
        return List.copyOf(corpus);
    }

    private static int exchange(IkeLab.Packet packet) {
        return packet.data()[EXCHANGE_TYPE] & 0xff;
    }

    private static byte[] reheaded(byte[] datagram, IkeSaStatus sa, int exchange) {
        ByteBuffer copy = ByteBuffer.wrap(datagram.clone());
        copy.putLong(0, sa.initiatorSpi()).putLong(RESPONDER_SPI, sa.responderSpi());
        if (exchange == CREATE_CHILD_SA) {
            copy.put(EXCHANGE_TYPE, (byte) exchange).putInt(MESSAGE_ID, 2);
        }
        return copy.array();
    }

    /** One of eight mutations; half the time the header's length is then made to agree, so the payloads are read. */
    private static byte[] mutate(byte[] original, List<IkeLab.Packet> corpus, Random random) {
        byte[] data = original.clone();
        switch (random.nextInt(8)) {
            case 0 -> flip(data, 0, random);
            case 1 -> flip(data, Math.min(IkeHeader.LENGTH, data.length - 1), random);
            case 2 -> data = Arrays.copyOf(data, random.nextInt(data.length));
            case 3 -> {
                byte[] tail = new byte[1 + random.nextInt(64)];
                random.nextBytes(tail);
                data = concat(data, tail);
            }
            case 4 -> {
                int at = Math.min(IkeHeader.LENGTH + random.nextInt(Math.max(1, data.length - IkeHeader.LENGTH)),
                        data.length - 2);
                data[at] = (byte) random.nextInt(256);
                data[at + 1] = (byte) random.nextInt(256);
            }
            case 5 -> {
                byte[] other = corpus.get(random.nextInt(corpus.size())).data();
                int cut = random.nextInt(data.length);
                data = concat(Arrays.copyOf(data, cut),
                        Arrays.copyOfRange(other, Math.min(cut, other.length), other.length));
            }
            case 6 -> {
                data[EXCHANGE_TYPE + random.nextInt(6)] = (byte) random.nextInt(256);
            }
            default -> {
                for (int i = 0; i < data.length; i++) {
                    if (random.nextInt(16) == 0) {
                        data[i] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        if (random.nextBoolean() && data.length >= IkeHeader.LENGTH) {
            ByteBuffer.wrap(data).putInt(LENGTH, data.length);
        }
        return data;
    }

    private static void flip(byte[] data, int from, Random random) {
        if (data.length == 0) {
            return;
        }
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            data[from + random.nextInt(data.length - from)] ^= (byte) (1 + random.nextInt(255));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A source in 198.18.0.0/15 (RFC 2544 benchmarking), as a flood forges them. */
    private static InetSocketAddress spoofed(Random random) {
        byte[] address = {(byte) 198, (byte) (18 + random.nextInt(2)), (byte) random.nextInt(256),
                (byte) random.nextInt(256)};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), 1024 + random.nextInt(64_000));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static IkeSaStatus established(IkeLab.Node node) {
        return node.status().stream().filter(status -> status.state() == IkeSaState.ESTABLISHED).findFirst()
                .orElseThrow();
    }
}
