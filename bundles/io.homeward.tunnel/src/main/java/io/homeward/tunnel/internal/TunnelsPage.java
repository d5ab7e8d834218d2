package io.homeward.tunnel.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.html.Html;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward tunnels" Web Console page ({@code /system/console/homeward-tunnels}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-tunnels",
        "felix.webconsole.title=Homeward tunnels",
        "felix.webconsole.category=Homeward"})
public class TunnelsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TunnelComponent tunnel;

    @Activate
    public TunnelsPage(@Reference TunnelComponent tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write("<h2>Tunnels</h2><pre id=\"tunnels\">" + Html.escape(tunnel.report().text())
                + "</pre>");
    }
}
