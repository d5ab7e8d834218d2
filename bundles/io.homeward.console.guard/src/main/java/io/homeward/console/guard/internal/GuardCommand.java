package io.homeward.console.guard.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code homeward:guard}: what the console guard allows, what it refused and who is penalised now. */
@Component(service = GuardCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=guard"})
public class GuardCommand {
    private final ConsoleGuardComponent guard;

    @Activate
    public GuardCommand(@Reference ConsoleGuardComponent guard) {
        this.guard = guard;
    }

    public String guard() {
        return guard.report();
    }
}
