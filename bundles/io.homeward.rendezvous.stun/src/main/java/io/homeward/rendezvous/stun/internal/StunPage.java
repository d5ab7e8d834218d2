package io.homeward.rendezvous.stun.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.html.Html;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The "Homeward STUN server" Web Console page ({@code /system/console/homeward-stun}). */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-stun",
        "felix.webconsole.title=Homeward STUN server",
        "felix.webconsole.category=Homeward"})
public class StunPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StunServer server;

    @Activate
    public StunPage(@Reference StunServer server) {
        this.server = server;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write("<h2>STUN server</h2><pre id=\"stun\">" + Html.escape(server.report())
                + "</pre>");
    }
}
