package io.homeward.embedded.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Updates the sign-in configuration through Configuration Admin, bound to whichever bundle provides the PID. */
final class ConfigAdminSignInConfiguration implements SignInConfiguration {
    private final ConfigurationAdmin admin;

    ConfigAdminSignInConfiguration(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void apply(Map<String, String> properties) throws IOException {
        Configuration configuration = admin.getConfiguration(PID, "?");
        Dictionary<String, Object> values = configuration.getProperties();
        if (values == null) {
            values = new Hashtable<>();
        }
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            values.put(entry.getKey(), entry.getValue());
        }
        configuration.update(values);
    }
}
