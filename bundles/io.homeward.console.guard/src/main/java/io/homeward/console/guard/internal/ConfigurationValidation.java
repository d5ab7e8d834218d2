package io.homeward.console.guard.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.apache.felix.webconsole.spi.ConfigurationHandler;
import org.apache.felix.webconsole.spi.ValidationException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

import io.homeward.kit.config.MetatypeCheck;

/**
 * The web console's Configuration dialog stores nothing its metatype refuses ({@link MetatypeCheck}), nor the
 * console's own settings without a password ({@link ConsoleLoginRule}): the console
 * calls this handler (its {@code ConfigurationHandler} SPI) with the converted values before it updates Configuration
 * Admin, and answers the dialog's save with the refusal, which the console shows in its error dialog. The component
 * never sees the value and keeps its last good configuration.
 */
@Component(service = ConfigurationHandler.class)
public class ConfigurationValidation implements ConfigurationHandler {
    private final BundleContext context;
    private final MetaTypeService metaType;
    private final Logger log;

    @Activate
    public ConfigurationValidation(BundleContext context, @Reference MetaTypeService metaType,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.metaType = metaType;
        this.log = log;
    }

    @Override
    public void updateConfiguration(String factoryPid, String pid, Dictionary<String, Object> properties)
            throws ValidationException {
        List<String> problems = new ArrayList<>();
        ConsoleLoginRule.problem(pid, properties).ifPresent(problems::add);
        MetatypeCheck.definition(context, metaType, factoryPid != null ? factoryPid : pid, factoryPid != null)
                .ifPresent(definition -> problems.addAll(MetatypeCheck.problems(MetatypeCheck.attributes(definition),
                        properties)));
        if (!problems.isEmpty()) {
            String refusal = "Not saved, " + pid + " keeps its configuration: " + String.join("; ", problems);
            log.warn("Console: {}", refusal);
            throw new ValidationException(refusal);
        }
    }

    @Override
    public void createConfiguration(String pid) {
        // Creating an empty configuration stores no value; its values are checked when they are saved.
    }

    @Override
    public void createFactoryConfiguration(String factoryPid, String name) {
        // As createConfiguration.
    }

    @Override
    public void deleteConfiguration(String factoryPid, String pid) {
        // Deleting returns the component to its defaults, which its metatype declares.
    }
}
