package io.homeward.itests.netlab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.identity.Eui64;
import io.homeward.kit.enroll.EnrollmentAuthorization;

/**
 * One strongSwan 5.9 charon in a lab namespace as an IKEv2 peer of Homeward hosts (shared/protocols/strongswan-interop.md):
 * started through {@code itests/netlab/charon.sh} (a private tmpfs on /run), user-space ESP through the
 * kernel-libipsec plugin (this kernel has no ESP) with its ULA on that plugin's TUN device, certificates from the
 * account CA (enrolled over EST with {@link #enrollWith}) and one connection written as swanctl.conf and driven with
 * swanctl over the instance's own vici socket. Every wait is bounded; closing stops charon, which removes its SAs,
 * routes and TUN device (and with it the ULA).
 */
final class LabCharon implements AutoCloseable {
    /** ESP proposals kernel-libipsec can carry: AEADs without extended sequence numbers. */
    static final String AES_GCM = "aes256gcm16-noesn";
    static final String CHACHA20 = "chacha20poly1305-noesn";
    /** IKE SA proposals: AEADs with a separate PRF (an AEAD proposal carries no integrity algorithm). */
    static final String IKE_PROPOSALS = "aes256gcm16-prfsha256-x25519, chacha20poly1305-prfsha256-x25519";
    static final int NAT_T_PORT = 4500;
    private static final String CONNECTION = "homeward";
    private static final String CHILD = "ula";
    private static final String EST_PATH = "/.well-known/est/";
    private static final Path SCRIPT = NetLab.file("charon.sh");
    /** The plugins, in load order: kernel-libipsec ahead of kernel-netlink, which then handles addresses and routes. */
    private static final String PLUGINS = "random nonce openssl aes gcm chapoly curve25519 sha1 sha2 hmac kdf pem pkcs1"
            + " pkcs7 pkcs8 x509 revocation constraints pubkey kernel-libipsec kernel-netlink socket-default vici";
    private static final Pattern IKE_LINE = Pattern.compile("^(\\S+): #(\\d+), (\\w+), IKEv2, (\\w+)_i(\\*?) (\\w+)_r(\\*?)");
    private static final Pattern IDS_LINE = Pattern.compile("^\\s+(local|remote)\\s+'([^']*)' @ (\\S+)");
    private static final Pattern CHILD_LINE = Pattern.compile("^\\s+(\\S+): #(\\d+), reqid \\d+, (\\w+), (\\S+), ESP:(\\S+)");
    /** The IKE SA's algorithms, for example "  AES_GCM_16-256/PRF_HMAC_SHA2_256/CURVE_25519". */
    private static final Pattern IKE_ALGORITHMS = Pattern.compile("^\\s+[A-Z][A-Z0-9_]*(-\\d+)?/[A-Z0-9_/-]+$");
    private static final Pattern SPI_LINE = Pattern.compile("^\\s+(in|out)\\s+([0-9a-f]{8})");
    private static final Pattern TUN = Pattern.compile("^\\d+: (ipsec\\d+)[:@]", Pattern.MULTILINE);

    /** The files of one identity: a private key, its certificate and the CA certificate(s) peers must chain to. */
    record Credentials(Path key, Path certificate, Path caCertificates) {
    }

    /** The Homeward host (or other charon) at the far end: its FQDN (the IKE ID), where IKE reaches it, its ULA. */
    record Peer(String fqdn, String address, String ula) {
    }

    /** One IKE SA as {@code swanctl --list-sas} shows it, with its initiator's and responder's SPIs. */
    record IkeSa(String name, String state, boolean initiator, String localId, String remoteId, String remoteEndpoint,
            String algorithms, List<ChildSa> children, String spiI, String spiR) {
    }

    /** One CHILD_SA: its algorithms as swanctl prints them ("AES_GCM_16-256", with "/ESN" when it uses ESN) and SPIs. */
    record ChildSa(String name, int id, String state, String mode, String algorithms, String spiIn, String spiOut) {
        boolean esn() {
            return algorithms.contains("/ESN");
        }
    }

    final String namespace;
    final String fqdn;
    final String ula;
    private final Path dir;
    private final String vici;
    private Process process;

    private LabCharon(String namespace, Path dir, String fqdn, String ula) {
        this.namespace = namespace;
        this.dir = dir;
        this.fqdn = fqdn;
        this.ula = ula;
        this.vici = "unix://" + dir.resolve("charon.vici");
    }

    /**
     * Skips (or, under CI, fails: CI must run it) when charon, swanctl, the plugins or the tools this class runs are
     * missing, naming the Debian packages.
     */
    static void requireInstalled() {
        String why = null;
        Map<String, String> files = new LinkedHashMap<>();
        files.put(System.getenv().getOrDefault("CHARON", "/usr/lib/ipsec/charon"), "strongswan-charon");
        files.put("/usr/sbin/swanctl", "strongswan-swanctl");
        files.put("/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so", "libcharon-extra-plugins");
        files.put("/usr/lib/ipsec/plugins/libstrongswan-curve25519.so", "libstrongswan-extra-plugins");
        files.put("/usr/lib/ipsec/plugins/libstrongswan-chapoly.so", "libstrongswan-extra-plugins");
        files.put("/usr/lib/ipsec/plugins/libstrongswan-openssl.so", "libstrongswan-standard-plugins");
        files.put("/usr/bin/openssl", "openssl");
        files.put("/usr/bin/nsupdate", "bind9-dnsutils");
        files.put("/usr/bin/unshare", "util-linux");
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (why == null && !Files.exists(Path.of(file.getKey()))) {
                why = file.getKey() + " is missing (Debian package " + file.getValue() + ")";
            }
        }
        if (why != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; CI must run the strongSwan interop tests");
            }
            Assumptions.abort(why);
        }
    }

    /**
     * Enrolls a host of the user's zone as an agent does, with the user's password-derived key (docs/enrollment.md,
     * "Who may enroll"): an ECDSA P-256 key and a PKCS#10 request for {@code host.zone} made with openssl, the
     * request sent over EST from the namespace to the rendezvous, whose TLS certificate must have the pin; the
     * certificates-only answers of {@code simpleenroll} and {@code cacerts} converted to PEM. Files go to {@code dir}.
     */
    static Credentials enrollWith(String namespace, String estAuthority, String pin, String host, TsigKey masterKey,
            Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String zone = masterKey.name().endsWith(".") ? masterKey.name().substring(0, masterKey.name().length() - 1)
                : masterKey.name();
        Path key = dir.resolve(host + ".key");
        Path request = dir.resolve(host + ".csr.der");
        local("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        local("openssl", "req", "-new", "-key", key.toString(), "-subj", "/CN=" + host + "." + zone, "-outform", "DER",
                "-out", request.toString());
        byte[] body = Base64.getMimeEncoder().encode(Files.readAllBytes(request));
        Path bodyFile = Files.write(dir.resolve(host + ".csr.b64"), body);

        String spki = pinnedKey(namespace, estAuthority, pin);
        Path caPem = certsOnlyToPem(dir.resolve("account-ca"), est(namespace, estAuthority, spki, "cacerts"));
        String authorization = EnrollmentAuthorization.sign(EnrollmentAuthorization.Scheme.KEY, masterKey.name(),
                masterKey.secret(), Instant.now().getEpochSecond(), body).header();
        Path certificate = certsOnlyToPem(dir.resolve(host), est(namespace, estAuthority, spki, "simpleenroll",
                "-H", "Content-Type: application/pkcs10", "-H", "Content-Transfer-Encoding: base64",
                "-H", "Authorization: " + authorization, "--data-binary", "@" + bodyFile));
        return new Credentials(key, certificate, caPem);
    }

    /** A self-signed certificate for the FQDN (a new P-256 key), with the account CA still the one peers must chain to. */
    static Credentials selfSigned(String fqdn, Path caCertificates, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve(fqdn + ".self.key");
        Path certificate = dir.resolve(fqdn + ".self.pem");
        local("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-keyout", key.toString(), "-out", certificate.toString(), "-subj", "/CN=" + fqdn,
                "-addext", "subjectAltName=DNS:" + fqdn, "-addext", "extendedKeyUsage=serverAuth,clientAuth,1.3.6.1.5.5.7.3.17");
        return new Credentials(key, certificate, caCertificates);
    }

    /**
     * Starts charon in the namespace with the credentials under its own {@code SWANCTL_DIR} ({@code dir}) and waits,
     * bounded, for its vici socket and TUN device; the ULA goes on that device. IKE on the NAT-T port, the IKE and
     * configuration subsystems logged at level 2.
     */
    static LabCharon start(String namespace, Path dir, String fqdn, String ula, Credentials credentials) throws Exception {
        return start(namespace, dir, fqdn, ula, credentials, NAT_T_PORT, "ike = 2\ncfg = 2", "");
    }

    /**
     * Like {@link #start(String, Path, String, String, Credentials)} with IKE on {@code port}, the log levels of the
     * log file beyond {@code default = 1} ({@code logLevels}, filelog syntax) and more {@code charon} settings
     * ({@code settings}, strongswan.conf syntax).
     */
    static LabCharon start(String namespace, Path dir, String fqdn, String ula, Credentials credentials, int port,
            String logLevels, String settings) throws Exception {
        LabCharon charon = new LabCharon(namespace, dir, fqdn, ula);
        for (String sub : List.of("x509", "x509ca", "private")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.copy(credentials.certificate(), dir.resolve("x509").resolve("host.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(credentials.caCertificates(), dir.resolve("x509ca").resolve("account-ca.pem"),
                StandardCopyOption.REPLACE_EXISTING);
        Path key = dir.resolve("private").resolve("host.key");
        Files.deleteIfExists(key);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(key, Files.readAllBytes(credentials.key()));
        Files.writeString(dir.resolve("strongswan.conf"), """
                charon {
                  port = 0
                  port_nat_t = %d
                  load = %s
                  plugins {
                    vici {
                      socket = %s
                    }
                  }
                  filelog {
                    lab {
                      path = %s
                      default = 1
                      %s
                      flush_line = yes
                      time_format = %%T
                    }
                  }
                  %s
                }
                """.formatted(port, PLUGINS, charon.vici, charon.logFile(), logLevels, settings));
        charon.process = new ProcessBuilder("bash", SCRIPT.toString(), namespace, dir.resolve("strongswan.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.out").toFile()).start();
        try {
            charon.awaitStarted();
        } catch (Exception | AssertionError e) {
            charon.close();
            throw e;
        }
        return charon;
    }

    /**
     * Writes and loads ({@code swanctl --load-all}) the one connection to the peer: IDs = FQDNs, public-key
     * authentication, the peer must chain to the account CA (revocation relaxed), UDP encapsulation on the NAT-T port,
     * traffic selectors the two ULAs, the ESP proposal given ({@link #AES_GCM} or {@link #CHACHA20}). Loading again
     * replaces it.
     */
    void connect(Peer peer, String espProposal) throws IOException, InterruptedException {
        Path conf = dir.resolve("swanctl.conf");
        Files.writeString(conf, """
                connections {
                  %s {
                    version = 2
                    remote_addrs = %s
                    remote_port = %d
                    encap = yes
                    proposals = %s
                    local {
                      auth = pubkey
                      certs = host.pem
                      id = %s
                    }
                    remote {
                      auth = pubkey
                      id = %s
                      cacerts = account-ca.pem
                      revocation = relaxed
                    }
                    children {
                      %s {
                        mode = tunnel
                        local_ts = %s/128
                        remote_ts = %s/128
                        esp_proposals = %s
                        start_action = none
                      }
                    }
                  }
                }
                """.formatted(CONNECTION, peer.address(), NAT_T_PORT, IKE_PROPOSALS, fqdn, peer.fqdn(), CHILD, ula,
                peer.ula(), espProposal));
        swanctl("load", 30, "--load-all", "--noprompt", "--file", conf.toString());
    }

    /** {@code swanctl --initiate --child}: true when the IKE and CHILD SAs are up; what swanctl printed is in the log. */
    boolean initiate() throws IOException, InterruptedException {
        return swanctlExit(40, "--initiate", "--child", CHILD, "--timeout", "30") == 0;
    }

    /** {@code swanctl --rekey --child}: charon starts a CREATE_CHILD_SA rekey of the child (it does not wait for it). */
    void rekey() throws IOException, InterruptedException {
        swanctl("rekey", 15, "--rekey", "--child", CHILD);
    }

    /** {@code swanctl --rekey --ike}: charon starts a CREATE_CHILD_SA rekey of the IKE SA (it does not wait for it). */
    void rekeyIke() throws IOException, InterruptedException {
        swanctl("rekey-ike", 15, "--rekey", "--ike", CONNECTION);
    }

    /** Deletes the IKE SA (and its children) and waits, bounded, until charon lists none. */
    void terminate() throws IOException, InterruptedException {
        swanctlExit(20, "--terminate", "--ike", CONNECTION, "--timeout", "10");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sas().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The SAs {@code swanctl --list-sas} shows now. */
    List<IkeSa> sas() throws IOException, InterruptedException {
        return parseSas(swanctl("list-sas", 15, "--list-sas"));
    }

    /** Polls (every 0.2 s, bounded) until an established IKE SA has an installed child; fails with charon's log. */
    IkeSa awaitInstalled(long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            for (IkeSa sa : sas()) {
                if (sa.state().equals("ESTABLISHED") && sa.children().stream().anyMatch(c -> c.state().equals("INSTALLED"))) {
                    return sa;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(fqdn + ": no installed CHILD_SA within " + seconds + " s; " + sas() + "\n" + logTail());
    }

    /** Everything charon logged so far. */
    String log() throws IOException {
        return Files.exists(logFile()) ? Files.readString(logFile()) : "";
    }

    String logTail() throws IOException {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * The records a Homeward host publishes for itself (docs/architecture.md, "Records a host publishes") for the peer
     * (a host of the master key's zone), sent with nsupdate from the namespace and signed with the user's master key,
     * so the user's hosts list it as a peer with its ULA at its address, port 4500. {@code scratch} takes the script.
     */
    static void publish(Peer self, Eui64 eui64, TsigKey masterKey, String dnsServer, String namespace, Path scratch)
            throws IOException, InterruptedException {
        String zone = masterKey.name().endsWith(".") ? masterKey.name() : masterKey.name() + ".";
        String host = self.fqdn() + ".";
        if (!host.endsWith("." + zone)) {
            throw new IllegalArgumentException(self.fqdn() + " is not a host of " + zone);
        }
        String target = eui64.autoTunnelLabel() + "." + zone;
        String[] server = dnsServer.split(":");
        Path script = Files.writeString(scratch.resolve(self.fqdn() + ".nsupdate"), String.join("\n",
                "server " + server[0] + " " + server[1],
                "zone " + zone,
                "update add _autotunnel._udp." + host + " 120 SRV 0 0 " + NAT_T_PORT + " " + target,
                "update add " + target + " 120 A " + self.address(),
                "update add " + target + " 120 AAAA " + self.ula(),
                "update add " + target + " 120 TXT \"\"",
                "update add " + host + " 120 AAAA " + self.ula(),
                "update add _homeward._udp." + zone + " 120 PTR " + host,
                "send", ""));
        NetLab.Result r = NetLab.in(namespace, "nsupdate", "-v", "-y", "hmac-sha256:" + masterKey.name() + ":"
                + Base64.getEncoder().encodeToString(masterKey.secret()), script.toString());
        if (r.exit() != 0) {
            throw new AssertionError("nsupdate of " + self.fqdn() + "'s records failed: " + r.out());
        }
    }

    /** charon's process ID ({@code charon.sh} execs every step). */
    long pid() {
        return process.pid();
    }

    /** The address with the /64 prefix of {@code ula} and the EUI-64 as interface identifier (RFC 4291 §2.5.1). */
    static String ulaBeside(String ula, Eui64 eui64) throws IOException {
        byte[] address = InetAddress.getByName(ula).getAddress();
        System.arraycopy(eui64.toBytes(), 0, address, 8, 8);
        return InetAddress.getByAddress(address).getHostAddress();
    }

    /** SIGTERM (charon deletes its SAs, routes and TUN device), at most 10 s, then SIGKILL; bounded. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static List<IkeSa> parseSas(String listing) {
        List<IkeSa> sas = new ArrayList<>();
        Matcher ike = null;
        String localId = null;
        String remoteId = null;
        String remoteEndpoint = null;
        String algorithms = null;
        List<ChildSa> children = new ArrayList<>();
        Matcher child = null;
        String spiIn = null;
        for (String line : listing.lines().toList()) {
            Matcher m;
            if ((m = IKE_LINE.matcher(line)).find()) {
                if (ike != null) {
                    addChild(children, child, spiIn, null);
                    sas.add(ikeSa(ike, localId, remoteId, remoteEndpoint, algorithms, children));
                }
                ike = m;
                localId = remoteId = remoteEndpoint = algorithms = null;
                children = new ArrayList<>();
                child = null;
            } else if (ike == null) {
                continue;
            } else if ((m = IDS_LINE.matcher(line)).find()) {
                if (m.group(1).equals("local")) {
                    localId = m.group(2);
                } else {
                    remoteId = m.group(2);
                    remoteEndpoint = m.group(3);
                }
            } else if ((m = CHILD_LINE.matcher(line)).find()) {
                addChild(children, child, spiIn, null);
                child = m;
                spiIn = null;
            } else if ((m = SPI_LINE.matcher(line)).find() && child != null) {
                if (m.group(1).equals("in")) {
                    spiIn = m.group(2);
                } else {
                    addChild(children, child, spiIn, m.group(2));
                    child = null;
                }
            } else if (algorithms == null && child == null && IKE_ALGORITHMS.matcher(line).find()) {
                algorithms = line.strip();
            }
        }
        if (ike != null) {
            addChild(children, child, spiIn, null);
            sas.add(ikeSa(ike, localId, remoteId, remoteEndpoint, algorithms, children));
        }
        return sas;
    }

    private static void addChild(List<ChildSa> children, Matcher child, String spiIn, String spiOut) {
        if (child != null) {
            children.add(new ChildSa(child.group(1), Integer.parseInt(child.group(2)), child.group(3), child.group(4),
                    child.group(5), spiIn, spiOut));
        }
    }

    private static IkeSa ikeSa(Matcher ike, String localId, String remoteId, String remoteEndpoint, String algorithms,
            List<ChildSa> children) {
        return new IkeSa(ike.group(1), ike.group(3), !ike.group(5).isEmpty(), localId, remoteId, remoteEndpoint,
                algorithms, List.copyOf(children), ike.group(4), ike.group(6));
    }

    private Path logFile() {
        return dir.resolve("charon.log");
    }

    private void awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String tun = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("charon in " + namespace + " exited (" + process.exitValue() + "): "
                        + Files.readString(dir.resolve("charon.out")) + "\n" + logTail());
            }
            Matcher m = TUN.matcher(NetLab.in(namespace, "ip", "-o", "link", "show").out());
            if (Files.exists(dir.resolve("charon.vici")) && m.find()) {
                tun = m.group(1);
                break;
            }
            Thread.sleep(100);
        }
        if (tun == null) {
            throw new AssertionError("charon in " + namespace + " opened no vici socket or TUN device within 15 s:\n"
                    + logTail());
        }
        NetLab.Result add = NetLab.in(namespace, "ip", "-6", "addr", "add", ula + "/128", "dev", tun, "nodad");
        if (add.exit() != 0) {
            throw new AssertionError("could not put " + ula + " on " + tun + " in " + namespace + ": " + add.out());
        }
    }

    private String swanctl(String what, long seconds, String... args) throws IOException, InterruptedException {
        NetLab.Result r = runSwanctl(seconds, args);
        if (r.exit() != 0) {
            throw new AssertionError("swanctl " + what + " failed (exit " + r.exit() + "): " + r.out() + "\n" + logTail());
        }
        return r.out();
    }

    private int swanctlExit(long seconds, String... args) throws IOException, InterruptedException {
        NetLab.Result r = runSwanctl(seconds, args);
        Files.writeString(dir.resolve("swanctl.log"), r.out(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return r.exit();
    }

    /** swanctl 5.9 takes {@code --uri} after the command; SWANCTL_DIR is where it finds the credentials. */
    private NetLab.Result runSwanctl(long seconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "SWANCTL_DIR=" + dir, "timeout", Long.toString(seconds),
                "swanctl"));
        command.addAll(List.of(args));
        command.addAll(List.of("--uri", vici));
        return run(command, seconds + 5);
    }

    /**
     * The SHA-256 of the rendezvous' public key for curl's {@code --pinnedpubkey}, after checking that the
     * certificate the server presents has the pin (the SHA-256 of the whole certificate, what agents pin).
     */
    private static String pinnedKey(String namespace, String authority, String pin) throws IOException, InterruptedException {
        NetLab.Result r = NetLab.in(namespace, "curl", "-sS", "-k", "--max-time", "10", "-o", "/dev/null", "-w", "%{certs}",
                "https://" + authority + EST_PATH + "cacerts");
        Matcher pem = Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----").matcher(r.out());
        if (r.exit() != 0 || !pem.find()) {
            throw new AssertionError("no TLS certificate from https://" + authority + ": " + r.out());
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.group().getBytes(StandardCharsets.US_ASCII)));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String seen = HexFormat.ofDelimiter(":").formatHex(sha256.digest(certificate.getEncoded()));
            if (!seen.equalsIgnoreCase(pin)) {
                throw new AssertionError("https://" + authority + " presents " + seen + ", not the pinned " + pin);
            }
            return Base64.getEncoder().encodeToString(sha256.digest(certificate.getPublicKey().getEncoded()));
        } catch (CertificateException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError("the rendezvous' TLS certificate does not parse: " + e.getMessage(), e);
        }
    }

    /** One EST request over pinned TLS; the answer's body (base64 PKCS#7), or a failure with the server's one line. */
    private static byte[] est(String namespace, String authority, String spki, String operation, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-k", "--pinnedpubkey", "sha256//" + spki,
                "--max-time", "15", "-w", "\n%{http_code}"));
        command.addAll(List.of(extra));
        command.add("https://" + authority + EST_PATH + operation);
        NetLab.Result r = NetLab.in(namespace, command.toArray(String[]::new));
        String out = r.out().strip();
        int newline = out.lastIndexOf('\n');
        if (r.exit() != 0 || newline < 0 || !out.substring(newline + 1).equals("200")) {
            throw new AssertionError("EST " + operation + " at " + authority + " failed (curl exit " + r.exit() + "): " + out);
        }
        return out.substring(0, newline).getBytes(StandardCharsets.US_ASCII);
    }

    /** A certs-only PKCS#7 in base64 (RFC 7030 §4.1.3, §4.2.3) as PEM certificates, with openssl pkcs7 -print_certs. */
    private static Path certsOnlyToPem(Path base, byte[] answer) throws IOException, InterruptedException {
        Path der = Files.write(Path.of(base + ".p7b"), Base64.getMimeDecoder().decode(answer));
        Path pem = Path.of(base + ".pem");
        local("openssl", "pkcs7", "-inform", "DER", "-in", der.toString(), "-print_certs", "-out", pem.toString());
        return pem;
    }

    private static void local(String... command) throws IOException, InterruptedException {
        NetLab.Result r = run(List.of(command), 30);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r.out());
        }
    }

    /** Runs a command with no input, bounded; its output goes through a file so a long one cannot block it. */
    private static NetLab.Result run(List<String> command, long seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lab-charon", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + seconds + " s: "
                        + Files.readString(out));
            }
            return new NetLab.Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
