package io.homeward.itests.bench;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.crypto.aesgcm.internal.AesGcmSuite;
import io.homeward.ike.internal.exchange.LocalHost;
import io.homeward.ike.internal.exchange.PeerCertificateCheck;
import io.homeward.kit.pem.Pem;
import io.homeward.kit.pem.PemBlock;
import io.homeward.kit.pem.PrivateKeys;

/**
 * The IKE load generator of {@code itests/bench/ike-handshakes.sh}, run inside a lab namespace: {@code --loops}
 * {@link HandshakeLoop}s, each with {@code --window} IKE SAs under way, drive full IKE_SA_INIT + IKE_AUTH handshakes
 * (X25519, AES-GCM-16, ECDSA P-256 certificates of the account CA) against one responder, Homeward or charon alike.
 * After {@code --warmup} seconds (both JITs and caches warm) it counts {@code --seconds} seconds and prints one line:
 * <pre>figures ESTABLISHED WITHOUT_CHILD FAILED SECONDS RESPONDER_CPU_NS GENERATOR_CPU_NS ALGORITHMS</pre>
 * where the CPU times cover the counted seconds, the responder's read from /proc by its PID.
 */
public final class IkeLoad {
    private static final String USAGE = "usage: IkeLoad --target IPV4:PORT --peer FQDN --peer-ula ULA --id FQDN --ula ULA"
            + " --key PEM --cert PEM --ca PEM --responder-pid PID [--loops 2] [--window 8] [--warmup 5] [--seconds 15]";

    private IkeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String zone = options.get("id").substring(options.get("id").indexOf('.') + 1).toLowerCase(Locale.ROOT);
        List<PemBlock> key = Pem.blocks(Files.readAllBytes(Path.of(options.get("key"))));
        PrivateKey privateKey = PrivateKeys.first(key).orElseThrow(() -> new IllegalArgumentException(
                options.get("key") + " holds no private key"));
        X509Certificate ca = Pem.certificates(Pem.blocks(Files.readAllBytes(Path.of(options.get("ca"))))).get(0);
        List<X509Certificate> chain = new ArrayList<>(Pem.certificates(Pem.blocks(Files.readAllBytes(
                Path.of(options.get("cert"))))));
        if (!chain.get(chain.size() - 1).equals(ca)) {
            chain.add(ca);
        }
        LocalHost self = new LocalHost(options.get("id"), ula(options.get("ula")), chain, privateKey);
        String[] target = options.get("target").split(":");
        HandshakeLoop.Responder responder = new HandshakeLoop.Responder(options.get("peer"),
                ula(options.get("peer-ula")), new InetSocketAddress(InetAddress.getByName(target[0]),
                        Integer.parseInt(target[1])));
        long responderPid = Long.parseLong(options.get("responder-pid"));
        int loops = Integer.parseInt(options.getOrDefault("loops", "2"));
        int window = Integer.parseInt(options.getOrDefault("window", "8"));
        long warmup = Long.parseLong(options.getOrDefault("warmup", "5"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "15"));

        WarningsOnly log = new WarningsOnly();
        PeerCertificateCheck check = new PeerCertificateCheck(ca, zone, new NothingRevoked(), Clock.systemUTC());
        List<HandshakeLoop> running = new ArrayList<>();
        try {
            for (int i = 0; i < loops; i++) {
                HandshakeLoop loop = new HandshakeLoop(i, self, check, aesGcm(log), responder, window, log.logger());
                running.add(loop);
                loop.start();
            }
            Thread.sleep(warmup * 1000);
            HandshakeLoop.Counts before = total(running);
            long responderBefore = ProcessCpu.nanos(responderPid);
            long generatorBefore = ProcessCpu.nanos(ProcessHandle.current().pid());
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000);
            HandshakeLoop.Counts counted = total(running).minus(before);
            long responderCpu = ProcessCpu.nanos(responderPid) - responderBefore;
            long generatorCpu = ProcessCpu.nanos(ProcessHandle.current().pid()) - generatorBefore;
            double elapsed = (System.nanoTime() - start) / 1e9;
            String algorithms = running.get(0).algorithms();
            System.out.printf(Locale.ROOT, "figures %d %d %d %.3f %d %d %s%n", counted.withChild(),
                    counted.withoutChild(), counted.failed(), elapsed, responderCpu, generatorCpu,
                    algorithms.isEmpty() ? "-" : algorithms);
            if (counted.failed() > 0 || counted.established() == 0) {
                System.err.println("ike-load: last failure: " + running.stream().map(HandshakeLoop::lastFailure)
                        .filter(reason -> !reason.isEmpty()).findFirst().orElse("(none)") + "; " + log.count()
                        + " warnings");
            }
        } finally {
            for (HandshakeLoop loop : running) {
                loop.close();
            }
        }
    }

    private static HandshakeLoop.Counts total(List<HandshakeLoop> loops) {
        return loops.stream().map(HandshakeLoop::counts).reduce(new HandshakeLoop.Counts(0, 0, 0),
                HandshakeLoop.Counts::plus);
    }

    /** The agents' AES-GCM suite at its default ranking: AES-GCM-16 for the IKE SA's SK payloads and the ESP offer. */
    private static CryptoSuite aesGcm(WarningsOnly log) {
        return new AesGcmSuite(new AesGcmSuite.Config() {
            @Override
            public int service_ranking() {
                return 200;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AesGcmSuite.Config.class;
            }
        }, log.logger());
    }

    private static Inet6Address ula(String text) throws IOException {
        if (InetAddress.getByName(text) instanceof Inet6Address address) {
            return address;
        }
        throw new IllegalArgumentException(text + " is not an IPv6 address");
    }

    private static Map<String, String> options(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(USAGE);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("target", "peer", "peer-ula", "id", "ula", "key", "cert", "ca",
                "responder-pid")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is missing; " + USAGE);
            }
        }
        return values;
    }
}
