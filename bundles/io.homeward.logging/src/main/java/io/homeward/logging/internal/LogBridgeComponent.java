package io.homeward.logging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogReaderService;
import org.slf4j.LoggerFactory;

/**
 * Attaches the forwarder to the OSGi log reader for as long as both are present. Entries logged
 * before this component starts are not replayed: the framework logs little before DS runs.
 */
@Component(immediate = true)
public class LogBridgeComponent {
    private final LogReaderService reader;
    private final Slf4jForwarder forwarder = new Slf4jForwarder(LoggerFactory::getLogger);

    @Activate
    public LogBridgeComponent(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(forwarder);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(forwarder);
    }
}
