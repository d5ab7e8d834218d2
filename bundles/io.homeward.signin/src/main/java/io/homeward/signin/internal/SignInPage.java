package io.homeward.signin.internal;

import java.io.IOException;
import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward sign-in" Web Console page ({@code /system/console/homeward-signin}): status and a sign-in form. */
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
        write(response, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        if ("signout".equals(request.getParameter("action"))) {
            outcome = signIn.signOut();
        } else {
            String given = request.getParameter("password");
            char[] password = given == null ? new char[0] : given.toCharArray();
            try {
                outcome = signIn.signIn(request.getParameter("zone"), request.getParameter("user"), password,
                        request.getParameter("server"), request.getParameter("pin"));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        write(response, outcome);
    }

    private void write(HttpServletResponse response, String outcome) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write(SignInHtml.render(signIn.status(), outcome));
    }
}
