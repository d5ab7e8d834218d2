package io.homeward.netwatch.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code homeward:network}: interfaces, default route, the last change and how changes are noticed. */
@Component(service = NetworkCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=network"})
public class NetworkCommand {
    private final NetworkWatcherComponent watcher;

    @Activate
    public NetworkCommand(@Reference NetworkWatcherComponent watcher) {
        this.watcher = watcher;
    }

    public String network() {
        return NetworkText.render(watcher.status());
    }
}
