package io.homeward.tunnelport.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.html.Html;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward tunnel port" Web Console page ({@code /system/console/homeward-tunnelport}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-tunnelport",
        "felix.webconsole.title=Homeward tunnel port",
        "felix.webconsole.category=Homeward"})
public class TunnelPortPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TunnelPortComponent port;

    @Activate
    public TunnelPortPage(@Reference TunnelPortComponent port) {
        this.port = port;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write("<h2>Tunnel port</h2><pre id=\"tunnelport\">" + Html.escape(port.report().text())
                + "</pre>");
    }
}
