package io.homeward.launcher;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the framework's own diagnostics (resolution failures, bundle errors) to the runtime's log. */
final class FelixLogAdapter extends org.apache.felix.framework.Logger {
    private final Logger log = LoggerFactory.getLogger("felix");

    @Override
    @SuppressWarnings("rawtypes")
    protected void doLog(org.osgi.framework.Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + ": " + msg;
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }
}
