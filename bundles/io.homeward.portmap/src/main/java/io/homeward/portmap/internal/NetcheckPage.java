package io.homeward.portmap.internal;

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

/**
 * The "Homeward network" Web Console page ({@code /system/console/homeward-netcheck}) and its JSON twin
 * ({@code /system/console/homeward-netcheck.json}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-netcheck",
        "felix.webconsole.title=Homeward network",
        "felix.webconsole.category=Homeward"})
public class NetcheckPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<ChooserState> state;
    private final transient LocalAddresses addresses;

    @Activate
    public NetcheckPage(@Reference TunnelPortMappingComponent mapping) {
        this(mapping::state, new SystemLocalAddresses());
    }

    NetcheckPage(Supplier<ChooserState> state, LocalAddresses addresses) {
        this.state = state;
        this.addresses = addresses;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NetcheckReport report = Netcheck.diagnose(state.get(), addresses);
        response.setCharacterEncoding("UTF-8");
        if (JsonRequests.wanted(request)) {
            response.setContentType("application/json");
            response.getWriter().write(NetcheckJson.render(report));
        } else {
            response.setContentType("text/html");
            response.getWriter().write(NetcheckHtml.render(report));
        }
    }
}
