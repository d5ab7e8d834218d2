package io.homeward.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A Debian command-line tool the tests drive as a person would (dig, kdig, nsupdate, zbarimg). A missing
 * tool fails the test, unless HOMEWARD_ALLOW_MISSING_TOOLS=1 says this machine may skip it;
 * .ci/run installs them, so CI never skips.
 */
final class Tool {
    private Tool() {
    }

    record Result(int exit, String out) {
    }

    static Result run(String stdin, String... command) throws IOException, InterruptedException {
        requireInstalled(command[0]);
        Path input = Files.createTempFile("homeward-tool", ".in");
        try {
            Files.writeString(input, stdin == null ? "" : stdin);
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectInput(input.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    static void requireInstalled(String tool) {
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")));
        boolean found = path.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            String why = tool + " is not installed (Debian: bind9-dnsutils for dig/nsupdate, knot-dnsutils for kdig, tshark,"
                    + " zbar-tools for zbarimg, librsvg2-bin for rsvg-convert)";
            Assumptions.assumeFalse("1".equals(System.getenv("HOMEWARD_ALLOW_MISSING_TOOLS")), why);
            throw new AssertionError(why);
        }
    }
}
