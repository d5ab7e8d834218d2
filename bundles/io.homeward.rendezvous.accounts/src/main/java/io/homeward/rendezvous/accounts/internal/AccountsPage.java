package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.accounts.AccountService;
import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Web console page "Homeward accounts". A POST carries out the form, keeps the outcome in the
 * session and redirects (303) to the page, so reloading never repeats a change and the outcome is
 * shown inside the console's frame.
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=homeward-accounts",
    "felix.webconsole.title=Homeward accounts",
    "felix.webconsole.category=Homeward",
})
public class AccountsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String OUTCOME = AccountsPage.class.getName() + ".outcome";

    private final transient AccountService accounts;

    @Activate
    public AccountsPage(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonRequests.wanted(request)) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(AccountsJson.render(accounts.domain(), accounts.users()));
            return;
        }
        FormOutcome outcome = null;
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OUTCOME) instanceof FormOutcome) {
            outcome = (FormOutcome) session.getAttribute(OUTCOME);
            session.removeAttribute(OUTCOME);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(AccountsHtml.render(accounts.domain(), accounts.users(), outcome));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AccountForm.REMOVE.equals(request.getParameter("action")) && !Confirmation.given(request)) {
            String user = String.valueOf(request.getParameter("user"));
            Confirmation.ask(request, response, "Remove user " + user + "? Their zone, its records and every host key"
                    + " and certificate of theirs go; their hosts lose each other.", "Remove " + user);
            return;
        }
        FormOutcome outcome = AccountForm.apply(accounts, request.getParameter("action"), request.getParameter("user"),
                request.getParameter("password"));
        request.getSession(true).setAttribute(OUTCOME, outcome);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI());
    }
}
