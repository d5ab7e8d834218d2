package io.homeward.signin.internal;

import java.io.IOException;
import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Homeward sign-in" Web Console page ({@code /system/console/homeward-signin}): status, host certificate, a
 * sign-in form and a join form. Forms post back to the page itself, so the answer stays in the console frame.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-signin",
        "felix.webconsole.title=Homeward sign-in",
        "felix.webconsole.category=Homeward"})
public class SignInPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SignInComponent signIn;

    @Activate
    public SignInPage(@Reference SignInComponent signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonRequests.wanted(request)) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/json");
            response.getWriter().write(SignInJson.render(signIn.status()));
            return;
        }
        write(response, "", SignInHtml.Form.of(signIn.status()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("action");
        if ("signout".equals(action) && !Confirmation.given(request)) {
            Confirmation.ask(request, response, "Sign this host out? It withdraws its records and closes its"
                    + " tunnels: the user's other hosts lose it until it signs in again.", "Sign out");
            return;
        }
        SignInHtml.Form form = SignInHtml.Form.submitted(request.getParameter("zone"), request.getParameter("user"),
                request.getParameter("server"), request.getParameter("pin"), request.getParameter("code"));
        String outcome;
        if ("signout".equals(action)) {
            outcome = signIn.signOut();
            form = SignInHtml.Form.of(signIn.status());
        } else if ("join".equals(action)) {
            try {
                outcome = signIn.join(form.code());
                form = SignInHtml.Form.of(signIn.status());
            } catch (SignInException e) {
                outcome = "Joining failed: " + e.getMessage();
            }
        } else {
            String given = request.getParameter("password");
            char[] password = given == null ? new char[0] : given.toCharArray();
            try {
                outcome = signIn.signIn(form.zone(), form.user(), password, form.server(), form.pin());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        write(response, outcome, form);
    }

    private void write(HttpServletResponse response, String outcome, SignInHtml.Form form) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write(SignInHtml.render(signIn.status(), outcome, form));
    }
}
