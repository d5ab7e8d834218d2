package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Web console page "Homeward machines": each user's enrolled hosts with a button to revoke one, pending invites, and
 * a form to invite a machine. A POST carries out the form, keeps the outcome in the session and redirects (303) to
 * the page, so reloading never repeats a change. The console guard protects the forms (its token travels in a
 * SameSite cookie; nothing is added to them).
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=homeward-machines",
    "felix.webconsole.title=Homeward machines",
    "felix.webconsole.category=Homeward",
})
public class MachinesPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String OUTCOME = MachinesPage.class.getName() + ".outcome";

    private final transient Machines machines;

    @Activate
    public MachinesPage(@Reference EnrollmentServerComponent server) {
        this(server.machines());
    }

    MachinesPage(Machines machines) {
        this.machines = machines;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonRequests.wanted(request)) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(MachinesJson.render(machines.list(Optional.empty())));
            return;
        }
        PageOutcome outcome = null;
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OUTCOME) instanceof PageOutcome stored) {
            outcome = stored;
            session.removeAttribute(OUTCOME);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(MachinesHtml.render(machines.accounts(), machines.list(Optional.empty()),
                outcome));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (MachinesForm.REVOKE.equals(request.getParameter("action")) && !Confirmation.given(request)) {
            String host = String.valueOf(request.getParameter("host"));
            Confirmation.ask(request, response, "Revoke " + host + " of " + request.getParameter("user") + "? Its"
                    + " certificate and key stop working at once: the user's other hosts refuse its tunnels, and it"
                    + " can come back only with a new invite.", "Revoke " + host);
            return;
        }
        PageOutcome outcome = MachinesForm.apply(machines, request.getParameter("action"), request.getParameter("user"),
                request.getParameter("host"), request.getParameter("valid"));
        request.getSession(true).setAttribute(OUTCOME, outcome);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI());
    }
}
