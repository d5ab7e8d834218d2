package io.homeward.autotunnel.internal;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Web console page "Homeward reachability" ({@code /system/console/homeward-reachability}, {@code .json} for the
 * report as JSON): what {@code homeward:reach} shows, with a Ping button per peer. The button's POST runs
 * {@code homeward:ping HOST} (bounded waits), keeps what it printed in the session and redirects (303) to the page,
 * so reloading never pings again; the console guard protects the form.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-reachability",
        "felix.webconsole.title=Homeward reachability",
        "felix.webconsole.category=Homeward"})
public class ReachabilityPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String OUTCOME = ReachabilityPage.class.getName() + ".outcome";

    private final transient AutotunnelComponent autotunnel;

    @Activate
    public ReachabilityPage(@Reference AutotunnelComponent autotunnel) {
        this.autotunnel = autotunnel;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReachabilityReport report = autotunnel.report();
        Pinger.Outcome outcome = null;
        if (!JsonRequests.wanted(request)) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(OUTCOME) instanceof Pinger.Outcome stored) {
                outcome = stored;
                session.removeAttribute(OUTCOME);
            }
        }
        Pinger.Outcome shown = outcome;
        JsonRequests.answer(request, response, () -> ReachabilityJson.render(report),
                () -> ReachabilityHtml.render(report, shown));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pinger.Outcome outcome;
        if (!"ping".equals(request.getParameter("action"))) {
            outcome = Pinger.Outcome.failed(List.of("unknown action; the page offers only Ping"));
        } else {
            try {
                outcome = autotunnel.ping(request.getParameter("host"), 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Pinger.Outcome.failed(List.of("the ping was interrupted"));
            }
        }
        request.getSession(true).setAttribute(OUTCOME, outcome);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI());
    }
}
