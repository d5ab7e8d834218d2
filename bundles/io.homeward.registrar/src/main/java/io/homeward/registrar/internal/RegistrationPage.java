package io.homeward.registrar.internal;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.html.Html;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward registration" Web Console page ({@code /system/console/homeward-registration}, JSON with {@code .json}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-registration",
        "felix.webconsole.title=Homeward registration",
        "felix.webconsole.category=Homeward"})
public class RegistrationPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<RegistrationState> state;

    @Activate
    public RegistrationPage(@Reference RegistrarComponent registrar) {
        this(registrar::state);
    }

    RegistrationPage(Supplier<RegistrationState> state) {
        this.state = state;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        if (JsonRequests.wanted(request)) {
            response.setContentType("application/json");
            response.getWriter().write(RegistrationJson.render(state.get()));
        } else {
            response.setContentType("text/html");
            response.getWriter().write(render(state.get()));
        }
    }

    static String render(RegistrationState state) {
        StringBuilder html = new StringBuilder("<table class=\"tablelayout nicetable\"><tbody>\n");
        for (Map.Entry<String, String> row : RegistrationText.rows(state)) {
            html.append("<tr><th>").append(Html.escape(row.getKey())).append("</th><td>")
                    .append(Html.escape(row.getValue())).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }
}
