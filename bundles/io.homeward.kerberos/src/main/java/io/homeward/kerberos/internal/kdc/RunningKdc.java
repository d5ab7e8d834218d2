package io.homeward.kerberos.internal.kdc;

import java.io.IOException;
import java.util.List;

import org.osgi.service.log.Logger;

import io.homeward.kerberos.internal.net.KdcFrontDoor;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;

/**
 * The KDC of one realm: its keys ({@link PrincipalKeyStore}, one file per realm, so a renamed host never uses the old
 * realm's keys) and, once bound, the front door that hands requests to its engine (docs/kerberos.md "The component").
 * A renamed host gets a new one; {@link #close} closes the front door's sockets and threads, after which it never
 * binds again.
 */
final class RunningKdc {

    /** Binds the front door of this realm's engine: UDP and TCP on the host's ULA. */
    @FunctionalInterface
    interface FrontDoorOpener {
        KdcFrontDoor open() throws IOException;
    }

    private final String hostName;
    private final PrincipalKeyStore store;
    private final FrontDoorOpener opener;
    private final String where;
    private final Logger log;
    private volatile KdcFrontDoor frontDoor;
    private volatile String notListening = "not listening yet";
    private boolean closed;

    /**
     * @param hostName the host's fully qualified name, lower case: the host part of service principals
     * @param where    the addresses and port the opener binds, for the status while it cannot
     */
    RunningKdc(String hostName, PrincipalKeyStore store, FrontDoorOpener opener, String where, Logger log) {
        this.hostName = hostName;
        this.store = store;
        this.opener = opener;
        this.where = where;
        this.log = log;
    }

    String hostName() {
        return hostName;
    }

    String realm() {
        return store.realm();
    }

    PrincipalKeyStore store() {
        return store;
    }

    /**
     * Opens the front door unless it is open or this KDC is closed.
     *
     * @return whether the KDC answers now; if not, {@link #listening()} says why
     */
    synchronized boolean bind(long retrySeconds) {
        if (closed) {
            return false;
        }
        if (frontDoor != null) {
            return true;
        }
        try {
            frontDoor = opener.open();
            log.info("The KDC of realm {} answers on {}", realm(), frontDoor.listening());
            return true;
        } catch (IOException e) {
            String reason = "not listening: " + where + ": " + e.getMessage() + "; trying again every "
                    + retrySeconds + " s";
            if (!reason.equals(notListening)) {
                log.warn("The KDC of realm {} is {}", realm(), reason);
            }
            notListening = reason;
            return false;
        }
    }

    /** Where the front door answers, or why it does not. */
    List<String> listening() {
        KdcFrontDoor open = frontDoor;
        return open == null ? List.of(notListening) : open.listening();
    }

    /** Closes the front door's sockets and ends its threads; the KDC does not bind again. */
    synchronized void close() {
        closed = true;
        notListening = "stopped";
        if (frontDoor != null) {
            frontDoor.close();
            frontDoor = null;
            log.info("The KDC of realm {} stopped answering", realm());
        }
    }
}
