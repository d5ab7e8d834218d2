package io.homeward.netwatch.internal;

import java.io.IOException;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward network watch" Web Console page ({@code /system/console/homeward-network-watch}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-network-watch",
        "felix.webconsole.title=Homeward network watch",
        "felix.webconsole.category=Homeward"})
public class NetworkPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<NetworkStatus> status;

    @Activate
    public NetworkPage(@Reference NetworkWatcherComponent watcher) {
        this(watcher::status);
    }

    NetworkPage(Supplier<NetworkStatus> status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NetworkStatus now = status.get();
        JsonRequests.answer(request, response, () -> NetworkJson.render(now), () -> NetworkHtml.render(now));
    }
}
