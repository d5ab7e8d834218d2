package io.homeward.config.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.config.ConfigurationProblems;
import io.homeward.api.config.RefusedValue;

/** {@code homeward:config}: the configuration values kept from their components, and what they run with. */
@Component(service = ConfigCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=config"})
public class ConfigCommand {
    private final ConfigurationProblems problems;

    @Activate
    public ConfigCommand(@Reference ConfigurationProblems problems) {
        this.problems = problems;
    }

    public String config() {
        return text(problems.refused());
    }

    static String text(List<RefusedValue> refused) {
        if (refused.isEmpty()) {
            return "Configuration: every value is one its component's description accepts.";
        }
        return "Configuration values refused (the component runs without them):\n" + refused.stream()
                .map(r -> "  " + r.pid() + " " + r.key() + " = " + r.value() + ": " + r.reason() + "; runs with "
                        + r.kept().map(k -> "its last good value " + k).orElse("its default") + " (since "
                        + r.since().truncatedTo(ChronoUnit.SECONDS) + ")")
                .collect(Collectors.joining("\n"));
    }
}
