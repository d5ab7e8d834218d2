package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.homeward.kit.process.CommandRunner;

/** Records every command; a command containing a registered fragment fails with that stderr, like ip would. */
final class FakeCommands implements CommandRunner {
    final List<List<String>> runs = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    FakeCommands failing(String fragment, String stderr) {
        failures.put(fragment, stderr);
        return this;
    }

    @Override
    public String run(List<String> argv) throws IOException {
        runs.add(argv);
        String command = String.join(" ", argv);
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            if (command.contains(failure.getKey())) {
                throw new IOException("'" + command + "' failed (exit 2): " + failure.getValue());
            }
        }
        return "";
    }
}
