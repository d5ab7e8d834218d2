package io.homeward.itests.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * The network lab of {@code itests/netlab/lab.sh}: namespaces with an Internet, a home behind miniupnpd,
 * a café and a double NAT. Needs root; without it the tests skip and say so, except under CI (the
 * {@code CI} environment variable), where they fail: CI runs as root and must exercise the lab.
 */
final class NetLab {
    static final String HOME_WAN = "11.0.0.2";
    private static final Path SCRIPT = file("lab.sh");
    private static final List<String> TOOLS = List.of("ip", "nft", "miniupnpd", "conntrack", "socat", "curl");
    /** miniupnpd's control URL for WANIPConnection (fixed in its source) on the lab's http_port. */
    private static final String UPNP_CONTROL = "http://192.168.1.1:5555/ctl/IPConn";
    private static final String WAN_IP_CONNECTION = "urn:schemas-upnp-org:service:WANIPConnection:2";
    private static final Pattern DESCRIPTION = Pattern.compile("<NewPortMappingDescription>([^<]*)</NewPortMappingDescription>");

    private NetLab() {
    }

    record Result(int exit, String out) {
    }

    /** A file of itests/netlab, where lab.sh and the lab's other scripts live. */
    static Path file(String name) {
        return Path.of(System.getProperty("homeward.features", "../features")).resolveSibling("itests").resolve("netlab")
                .resolve(name).normalize();
    }

    /** Skips (or, under CI, fails) when this machine cannot run the lab, then brings it up. */
    static void up() throws IOException, InterruptedException {
        requireLab();
        Result up = script("up");
        if (up.exit() != 0) {
            throw new AssertionError("lab.sh up failed:\n" + up.out());
        }
    }

    /** Skips (or, under CI, fails) when this machine cannot run the lab: no root, or a tool missing. */
    static void requireLab() throws IOException {
        String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        String why = null;
        if (!"0".equals(uid)) {
            why = "the network lab needs root to create network namespaces (this JVM runs as uid " + uid + ")";
        }
        for (String tool : TOOLS) {
            if (why == null && !installed(tool)) {
                why = tool + " is not installed (Debian packages: iproute2 nftables miniupnpd conntrack socat curl)";
            }
        }
        if (why != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; CI must run the lab");
            }
            Assumptions.abort(why);
        }
    }

    /** Stops the runtimes that are there (null for one never started), then takes the lab down with whatever it holds. */
    static void down(AutoCloseable... runtimes) throws Exception {
        try {
            for (AutoCloseable runtime : runtimes) {
                if (runtime != null) {
                    runtime.close();
                }
            }
        } finally {
            down();
        }
    }

    static void down() throws IOException, InterruptedException {
        Result down = script("down");
        if (down.exit() != 0) {
            throw new AssertionError("lab.sh down failed:\n" + down.out());
        }
    }

    static Result script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a command inside a lab namespace, bounded to 60 s. */
    static Result in(String namespace, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full);
    }

    /** Up to 5 tries of one echo request (IPv6) with a 2 s wait: the first may be lost while a NAT hole opens. */
    static boolean ping(String namespace, String to) throws IOException, InterruptedException {
        for (int i = 0; i < 5; i++) {
            if (in(namespace, "ping", "-6", "-c", "1", "-W", "2", to).exit() == 0) {
                return true;
            }
        }
        return false;
    }

    /** The home gateway's nftables ruleset, where miniupnpd keeps its mappings. */
    static String homeGatewayRules() throws IOException, InterruptedException {
        return in("hw-homegw", "nft", "list", "ruleset").out();
    }

    /**
     * Who holds the home gateway's mapping of the UDP port, as miniupnpd's UPnP table says: the description
     * of the entry ("homeward" for this project's UPnP mapper, "PCP MAP ..." or "NAT-PMP ..." for the other
     * protocols, which miniupnpd keeps in the same table), or null when it has none. Asked from the home host
     * with GetSpecificPortMappingEntry (UPnP IGD WANIPConnection:2).
     */
    static String gatewayUdpMappingOwner(int externalPort) throws IOException, InterruptedException {
        String body = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>"
                + "<u:GetSpecificPortMappingEntry xmlns:u=\"" + WAN_IP_CONNECTION + "\"><NewRemoteHost></NewRemoteHost>"
                + "<NewExternalPort>" + externalPort + "</NewExternalPort><NewProtocol>UDP</NewProtocol>"
                + "</u:GetSpecificPortMappingEntry></s:Body></s:Envelope>";
        Result r = in("hw-home", "curl", "-sS", "--max-time", "10", "-H", "Content-Type: text/xml; charset=\"utf-8\"",
                "-H", "SOAPAction: \"" + WAN_IP_CONNECTION + "#GetSpecificPortMappingEntry\"", "--data-binary", body,
                UPNP_CONTROL);
        Matcher m = DESCRIPTION.matcher(r.out());
        if (m.find()) {
            return m.group(1);
        }
        if (r.out().contains("<errorCode>714</errorCode>")) {   // NoSuchEntryInArray
            return null;
        }
        throw new AssertionError("miniupnpd's answer to GetSpecificPortMappingEntry for UDP " + externalPort
                + " is neither an entry nor NoSuchEntryInArray: " + r.out());
    }

    /** miniupnpd's rules match the raw IP protocol byte (@nh,72,8 0x11 is UDP), not "udp dport". */
    static boolean forwardsUdp(String rules, int port) {
        return rules.lines().anyMatch(l -> l.contains("@nh,72,8 0x11") && l.contains("dport " + port + " dnat"));
    }

    /** Runs a command, bounded to 60 s. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean installed(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The café gateway's UDP entries on port 4500 dropped, so the next IKE packet from the café side maps its port
     * 4500 to the public port 4500 again, where a peer's IKE_SA_INIT to the published endpoint goes. Without this,
     * packets sent there after a mapping lapsed hold the public port, the NAT maps the host to another one, and an
     * IKE_SA_INIT to the published endpoint waits unanswered.
     */
    static void forgetCafeMappings() throws IOException, InterruptedException {
        for (String direction : List.of("--orig-port-src", "--orig-port-dst")) {
            in("hw-cafegw", "conntrack", "-D", "-p", "udp", direction, "4500");
        }
    }
}
