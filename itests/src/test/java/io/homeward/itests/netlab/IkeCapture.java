package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * tshark in a lab namespace, recording when IKE_SA_INIT requests leave for one peer and IKE_AUTH responses come back
 * from it (IKE behind the non-ESP marker on UDP 4500, RFC 3948 §2.2: the exchange type is the 31st octet of the UDP
 * datagram, the flags the 32nd, RFC 7296 §3.1), with the kernel's capture time stamps: the wire times of the first
 * and the last message of a handshake, which the agent's own log, stamped when its records are delivered, cannot
 * give to the millisecond. Closing stops tshark.
 */
final class IkeCapture implements AutoCloseable {
    private static final String FILTER = "udp port 4500 and udp[8:4] = 0 and ((dst host %1$s and udp[30] = 34"
            + " and udp[31] & 0x20 = 0) or (src host %1$s and udp[30] = 35 and udp[31] & 0x20 != 0))";

    /** One captured message: when (epoch µs), and whether it is the peer's IKE_AUTH response. */
    private record Message(long micros, boolean response) {
    }

    private final Process tshark;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private IkeCapture(Process tshark, String peer) {
        this.tshark = tshark;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(tshark.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().map(line -> line.split("\t")).filter(fields -> fields.length == 2)
                        .forEach(fields -> messages.add(new Message(new BigDecimal(fields[0]).movePointRight(6)
                                .longValue(), fields[1].equals(peer))));
            } catch (IOException | UncheckedIOException e) {
                // tshark stopped; what it printed is recorded.
            }
        }, "ike-capture");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts capturing in the namespace the IKE messages to and from the peer's (public) address; bounded wait. */
    static IkeCapture start(String namespace, String peer, Path scratch) throws IOException, InterruptedException {
        Path err = Files.createTempFile(scratch, "tshark", ".err");
        Process tshark = new ProcessBuilder("ip", "netns", "exec", namespace, "tshark", "-i", "any", "-l", "-n", "-f",
                FILTER.formatted(peer), "-T", "fields", "-e", "frame.time_epoch", "-e", "ip.src")
                .redirectError(err.toFile()).start();
        IkeCapture capture = new IkeCapture(tshark, peer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err).contains("Capturing on")) {
            if (!tshark.isAlive() || System.nanoTime() > deadline) {
                capture.close();
                throw new AssertionError("tshark in " + namespace + " did not start capturing: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
        return capture;
    }

    /** The first IKE_SA_INIT request to the peer at or after {@code fromMicros}. */
    Optional<Long> requestAfter(long fromMicros) {
        return messages.stream().filter(m -> !m.response() && m.micros() >= fromMicros).map(Message::micros).findFirst();
    }

    /** The last IKE_AUTH response (or its last fragment) from the peer between the two times. */
    Optional<Long> responseBetween(long fromMicros, long toMicros) {
        return messages.stream().filter(m -> m.response() && m.micros() >= fromMicros && m.micros() <= toMicros)
                .map(Message::micros).reduce((first, second) -> second);
    }

    @Override
    public void close() throws InterruptedException {
        tshark.destroy();
        if (!tshark.waitFor(5, TimeUnit.SECONDS)) {
            tshark.destroyForcibly();
            tshark.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
