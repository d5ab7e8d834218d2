package io.homeward.peers.internal;

import java.io.IOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward peers" Web Console page ({@code /system/console/homeward-peers}, as JSON with {@code .json}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-peers",
        "felix.webconsole.title=Homeward peers",
        "felix.webconsole.category=Homeward"})
public class PeersPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DirectoryStatus status;
    private final transient Clock clock;

    @Activate
    public PeersPage(@Reference DirectoryStatus status) {
        this(status, Clock.systemUTC());
    }

    PeersPage(DirectoryStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonRequests.answer(request, response, () -> PeersJson.render(status.report()),
                () -> PeersHtml.render(status.report(), clock.instant()));
    }
}
