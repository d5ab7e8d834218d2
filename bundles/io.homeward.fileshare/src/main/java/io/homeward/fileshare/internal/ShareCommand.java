package io.homeward.fileshare.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.api.peers.PeerDirectory;

/**
 * Gogo command {@code homeward:share}: the shared directory, the address, requests served and refused;
 * {@code homeward:share fetch URL} reads a file from the share of another of the user's hosts with this host's
 * single sign-on (HTTP Negotiate with a ticket from {@link ServiceTickets}) and prints it, or the status and why.
 */
@Component(service = ShareCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=share"})
public class ShareCommand {
    private static final String USAGE = "usage: homeward:share [fetch http://HOST:PORT/PATH]";
    /** Enough for a PKINIT and a TGS exchange (10 s each at most by default) and the request. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final FileShareComponent share;
    private final ShareFetch fetch;

    @Activate
    public ShareCommand(@Reference FileShareComponent share, @Reference ServiceTickets tickets,
            @Reference PeerDirectory peers) {
        this.share = share;
        this.fetch = new ShareFetch(tickets, peers, FETCH_TIMEOUT);
    }

    public String share() {
        return share.report();
    }

    public String share(String action, String url) throws InterruptedException {
        if (!"fetch".equals(action.toLowerCase(Locale.ROOT))) {
            return USAGE;
        }
        try {
            return fetch.fetch(url).text();
        } catch (IOException e) {
            return "cannot fetch " + url + ": " + e.getMessage();
        }
    }
}
