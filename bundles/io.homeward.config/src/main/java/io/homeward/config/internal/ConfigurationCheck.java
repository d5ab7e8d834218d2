package io.homeward.config.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

import io.homeward.api.config.ConfigurationProblems;
import io.homeward.api.config.RefusedValue;
import io.homeward.kit.config.MetatypeCheck;

/**
 * A Configuration Admin plugin (OSGi Compendium 104.9) that checks every configuration against its metatype before
 * a component is given it ({@link MetatypeCheck}): Declarative Services asks for the processed properties, so a
 * value the metatype refuses — from a configuration file, the shell or a script, which the console's dialog check
 * does not see — never reaches the component, which would otherwise fail to activate ("ninety minutes" as a lease
 * stops the registrar). The component runs on with the property's last good value, or its default; the refusal is
 * logged once and listed ({@link ConfigurationProblems}) until a good value or the configuration's deletion ends it.
 * The launcher starts this bundle with Configuration Admin, before any component is given a configuration.
 */
@Component(immediate = true, service = {ConfigurationPlugin.class, ConfigurationListener.class,
        ConfigurationProblems.class},
        property = ConfigurationPlugin.CM_RANKING + ":Integer=" + ConfigurationCheck.RANKING)
public class ConfigurationCheck implements ConfigurationPlugin, ConfigurationListener, ConfigurationProblems {
    /** Within 0 to 1000, where a plugin may modify what a target is given (104.9.3); before any plugin above it. */
    static final int RANKING = 100;

    private final BundleContext context;
    private final MetaTypeService metaType;
    private final Logger log;
    private final RefusedValues values;

    @Activate
    public ConfigurationCheck(BundleContext context, @Reference MetaTypeService metaType,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.metaType = metaType;
        this.log = log;
        this.values = new RefusedValues(Clock.systemUTC());
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        if (!(properties.get(Constants.SERVICE_PID) instanceof String pid)) {
            return;
        }
        Object factoryPid = properties.get(ConfigurationAdmin.SERVICE_FACTORYPID);
        String id = factoryPid instanceof String factory ? factory : pid;
        MetatypeCheck.definition(context, metaType, id, factoryPid != null).ifPresent(definition -> values
                .check(pid, MetatypeCheck.attributes(definition), properties).forEach(this::logRefusal));
    }

    private void logRefusal(RefusedValue refused) {
        log.warn("Configuration {}: {} {}; the component runs with {} instead (homeward:config)", refused.pid(),
                refused.key(), refused.reason(), refused.kept().map(k -> "its last good value " + k)
                        .orElse("its default"));
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            values.forget(event.getPid());
        }
    }

    @Override
    public List<RefusedValue> refused() {
        return values.refused();
    }
}
