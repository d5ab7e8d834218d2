package io.homeward.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.homeward.kerberos.internal.client.ClientExchanges;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;

/**
 * The load generator of itests/bench/kdc.sh: Homeward's Kerberos client ({@link ClientExchanges}: the bundle's
 * {@code AsExchange} with PKINIT and {@code TgsExchange}, one TCP connection per exchange) as the user's laptop, from
 * THREADS threads against the KDC on 127.0.0.1:PORT, with the certificates {@link KdcBench} wrote into DIR. First AS
 * exchanges with PKINIT in GROUP (MODP-2048 or P-256), then TGS exchanges for {@code HTTP/home...} with one
 * ticket-granting ticket per thread; each for WARMUP seconds not counted, then SECONDS counted. Prints per exchange the
 * exchanges a second, the KDC process' CPU over the counted time (from /proc; 100% is one core) and exchanges per
 * KDC CPU-second, and a "row" line per figure for the script's summary. Every exchange is checked by the client
 * (PKINIT signature, nonce, reply key...); a failed one is counted and the first few printed.
 * Usage: KdcLoad PORT DIR GROUP THREADS WARMUP SECONDS KDC_PID LABEL
 */
public final class KdcLoad {
    private static final int SHOWN_FAILURES = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final X509Certificate accountCa;
    private final TestAccountCa.Host laptop;
    private final KeyAgreementGroup group;
    private final int threads;
    private final AtomicLong failures = new AtomicLong();

    private KdcLoad(int port, X509Certificate accountCa, TestAccountCa.Host laptop, KeyAgreementGroup group,
            int threads) {
        this.port = port;
        this.accountCa = accountCa;
        this.laptop = laptop;
        this.group = group;
        this.threads = threads;
    }

    /** One exchange of a thread's client. */
    @FunctionalInterface
    private interface Exchange {
        void run(ClientExchanges client) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        KeyAgreementGroup group = switch (args[2]) {
            case "MODP-2048" -> KeyAgreementGroup.MODP_2048;
            case "P-256" -> KeyAgreementGroup.P_256;
            default -> throw new IllegalArgumentException("GROUP is MODP-2048 or P-256, not " + args[2]);
        };
        int threads = Integer.parseInt(args[3]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration counted = Duration.ofSeconds(Long.parseLong(args[5]));
        long kdcPid = Long.parseLong(args[6]);
        String label = args[7];
        X509Certificate ca = TestAccountCa.certificate(Files.readString(dir.resolve("ca.pem")));
        X509Certificate certificate = TestAccountCa.certificate(Files.readString(dir.resolve("laptop.pem")));
        TestAccountCa.Host laptop = new TestAccountCa.Host(new KeyPair(certificate.getPublicKey(),
                TestAccountCa.privateKey(Files.readString(dir.resolve("laptop.key")))), certificate);
        KdcLoad load = new KdcLoad(port, ca, laptop, group, threads);
        load.measure(label + " AS (PKINIT " + args[2] + ")", ClientExchanges::asExchange, warmup, counted, kdcPid);
        load.measure(label + " TGS", client -> client.tgsExchange("HTTP"), warmup, counted, kdcPid);
        if (load.failures.get() > 0) {
            System.out.println("failed exchanges: " + load.failures.get());
        }
    }

    /** Runs {@code exchange} from every thread (each with a TGT first) and prints its figures. */
    private void measure(String what, Exchange exchange, Duration warmup, Duration counted, long kdcPid)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean();
        long end = System.nanoTime() + warmup.plus(counted).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                ClientExchanges client = ClientExchanges.overTcp(port, accountCa, laptop, group, TIMEOUT);
                try {
                    client.asExchange();
                } catch (IOException e) {
                    fail(e);
                }
                while (System.nanoTime() < end) {
                    try {
                        exchange.run(client);
                        if (counting.get()) {
                            done.incrementAndGet();
                        }
                    } catch (IOException e) {
                        fail(e);
                    }
                }
            }, "kdc-load-" + i);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup.toMillis());
        long cpuBefore = ProcessCpu.nanos(kdcPid);
        long before = done.get();
        long start = System.nanoTime();
        counting.set(true);
        Thread.sleep(counted.toMillis());
        long exchanges = done.get() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        double kdcCpu = (ProcessCpu.nanos(kdcPid) - cpuBefore) / 1e9;
        for (Thread worker : workers) {
            worker.join();
        }
        double rate = exchanges / seconds;
        System.out.printf(Locale.ROOT, "%-40s %8.1f /s  (%d in %.1f s, %d threads); KDC CPU %3.0f%%, %8.1f per KDC"
                + " CPU-second%n", what, rate, exchanges, seconds, threads, 100 * kdcCpu / seconds,
                kdcCpu > 0 ? exchanges / kdcCpu : 0);
        System.out.printf(Locale.ROOT, "row\t%s\t%.1f\t%.1f\t%.0f%n", what, rate, kdcCpu > 0 ? exchanges / kdcCpu : 0,
                100 * kdcCpu / seconds);
    }

    private void fail(IOException e) {
        if (failures.incrementAndGet() <= SHOWN_FAILURES) {
            System.err.println("kdc-load: " + e.getMessage());
        }
    }
}
