package io.homeward.itests;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.homeward.api.watch.RecordWatcher;

/** Configures the agent's record watcher, as an operator would in the console, and finds the watcher that results. */
final class WatcherConfig {
    private WatcherConfig() {
    }

    /** The watcher of this runtime using only one mechanism against the rendezvous on this DNS port. */
    static RecordWatcher using(BundleContext context, ConfigurationAdmin configAdmin, int dnsPort, String mechanism)
            throws Exception {
        Configuration config = configAdmin.getConfiguration("io.homeward.watcher", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("server", "127.0.0.1:" + dnsPort);
        props.put("mechanisms", new String[] {mechanism});
        props.put("pollInterval", 1);
        props.put("tlsFingerprint", "");
        props.put("allowUdp", true);
        config.update(props);
        ServiceReference<RecordWatcher> ref = Await.until("a watcher configured for " + mechanism,
                () -> context.getServiceReference(RecordWatcher.class),
                r -> r != null && r.getProperty("mechanisms") instanceof String[] m && m.length == 1 && m[0].equals(mechanism));
        return context.getService(ref);
    }
}
