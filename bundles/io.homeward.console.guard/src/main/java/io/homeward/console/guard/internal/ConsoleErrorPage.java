package io.homeward.console.guard.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.homeward.kit.html.Html;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's answer to a request it refused as bad (400, an HTTP Whiteboard error page in the console's context):
 * the reason alone, escaped, so the console's error dialog shows the one line that says what to fix (a value the
 * Configuration dialog refused, {@link ConfigurationValidation}) instead of the HTTP server's whole error page.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=homeward-console-refusals",
        "osgi.http.whiteboard.servlet.errorPage=400",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)"})
public class ConsoleErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(Html.escape(message == null || message.toString().isBlank()
                ? "The console refused the request as malformed." : message.toString()) + "\n");
    }
}
