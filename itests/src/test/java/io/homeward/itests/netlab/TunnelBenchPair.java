package io.homeward.itests.netlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;

/**
 * Homeward's own tunnel for {@code itests/bench/tunnel-throughput.sh}: in the lab the script brought up, the
 * rendezvous, home (hw-home) and the laptop (hw-laptop) signed in, with an AES-GCM-128 SA pair keyed here through
 * the SA-database contract. Prints {@code pids HOME LAPTOP} and {@code inner HOME_ULA LAPTOP_ULA} once both hosts
 * list each other, then runs until SIGTERM, which stops all three runtimes.
 */
public final class TunnelBenchPair {
    private static final String USER = "alice";
    private static final String PASSWORD = "bench-correct-horse-battery";

    private TunnelBenchPair() {
    }

    public static void main(String[] args) throws Exception {
        String suite = args.length > 0 ? args[0] : "aes-gcm-16";
        int keyLength = suite.startsWith("chacha20") ? 36 : 20;
        SecureRandom random = new SecureRandom();
        byte[] toHome = new byte[keyLength];
        byte[] toLaptop = new byte[keyLength];
        random.nextBytes(toHome);
        random.nextBytes(toLaptop);
        Path work = Files.createTempDirectory("homeward-tunnel-bench");
        LabRendezvous rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        LabHost home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400,
                LabHost.manualSa("laptop", 0x1000a001, 0x1000b001, suite, toHome, toLaptop)).start();
        LabHost laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                rendezvous.pin(), 5400, LabHost.manualSa("home", 0x1000b001, 0x1000a001, suite, toLaptop, toHome)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            laptop.close();
            home.close();
            try {
                rendezvous.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        String homeUla = home.awaitPublished(90).ula();
        String laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", "11.0.0.3:4500", 60);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 60);
        System.out.println("pids " + home.pid() + " " + laptop.pid());
        System.out.println("inner " + homeUla + " " + laptopUla);
        System.out.flush();
        stopped.await();
    }
}
