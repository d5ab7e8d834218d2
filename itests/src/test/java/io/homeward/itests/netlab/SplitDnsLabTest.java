package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.LabDirectory;

/**
 * Split DNS with a real systemd-resolved, in a namespace of its own (itests/netlab/split-dns.sh: private /run, D-Bus
 * system bus and resolv.conf, so the machine's resolver is never touched): the all-in-one runtime signs its agent
 * in, and resolved then sends the agent's zone, and only it, to the agent's name server on homeward0, so that glibc
 * resolves the host's name. Needs systemd-resolved's programs: installed, or the package unpacked into a directory
 * named by {@code -Dhomeward.resolved.root} or {@code HOMEWARD_RESOLVED_ROOT}.
 */
class SplitDnsLabTest {
    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-split-dns");

    private static final Path SCRIPT = Path.of(System.getProperty("homeward.features", "../features"))
            .resolveSibling("itests").resolve("netlab").resolve("split-dns.sh").normalize();
    private static final Pattern SERVER = Pattern.compile("DNS Servers: (\\S+)");
    private static final Pattern DOMAIN = Pattern.compile("DNS Domain: ~(\\S+)");

    @Test
    void resolvedSendsTheZoneToTheAgentAndGlibcResolvesTheHostsName() throws Exception {
        Path root = resolvedRoot();
        Path work = WORK.path();
        Process script = new ProcessBuilder("bash", SCRIPT.toString(), root.toString(), System.getProperty("homeward.jar"),
                work.toString()).redirectErrorStream(true).redirectOutput(work.resolve("split-dns.out").toFile()).start();
        if (!script.waitFor(180, TimeUnit.SECONDS)) {
            script.destroy();
            throw new AssertionError("split-dns.sh did not finish within 180 s");
        }
        String out = Files.readString(work.resolve("split-dns.out"));
        assertEquals(0, script.exitValue(), out);

        Matcher server = SERVER.matcher(out);
        Matcher domain = DOMAIN.matcher(out);
        assertTrue(server.find() && domain.find(), "resolvectl shows the link's server and routing domain:\n" + out);
        String ula = server.group(1);
        assertTrue(out.contains("-DefaultRoute") && out.contains("-LLMNR"), "only the zone goes to the link:\n" + out);
        assertTrue(out.contains(": " + ula + " -- link: homeward0"), "resolvectl query answered on homeward0:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith(ula + " ") && l.contains("STREAM")),
                "getent ahosts (glibc through resolved's stub) gives the host's ULA:\n" + out);
        assertTrue(out.contains("Split DNS: systemd-resolved sends ~" + domain.group(1) + " to " + ula + " on homeward0"),
                out);
        assertFalse(out.contains("WARN  [FelixLogListener] io.homeward.resolver"), "no warning on the way out:\n" + out);
    }

    private static Path resolvedRoot() {
        String configured = System.getProperty("homeward.resolved.root", System.getenv("HOMEWARD_RESOLVED_ROOT"));
        Path root = configured != null ? Path.of(configured) : Path.of("/");
        boolean present = Files.isExecutable(root.resolve("lib/systemd/systemd-resolved"))
                && Files.isExecutable(root.resolve("usr/bin/resolvectl"));
        if (!present || !"0".equals(uid())) {
            String why = "needs root and systemd-resolved's programs under " + root
                    + " (apt-get download systemd-resolved && dpkg -x systemd-resolved_*.deb DIR, then "
                    + "-Dhomeward.resolved.root=DIR or HOMEWARD_RESOLVED_ROOT=DIR); never installed on the machine by"
                    + " this test";
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; CI must run the split DNS test (.ci/run unpacks the package)");
            }
            Assumptions.abort(why);
        }
        return root;
    }

    private static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
