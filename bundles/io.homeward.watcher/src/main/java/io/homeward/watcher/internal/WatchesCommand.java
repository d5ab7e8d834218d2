package io.homeward.watcher.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.watch.SubscriptionStatus;

/** Gogo command {@code homeward:watches}: every watched name and type, its mechanism, lease and last event. */
@Component(service = WatchesCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=watches"})
public class WatchesCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SubscriptionStatus source;

    public String watches() {
        SubscriptionStatus current = source;
        return current == null ? "The record watcher is not running (check its configuration and the log)."
                : WatchReport.of(current.subscriptions());
    }
}
