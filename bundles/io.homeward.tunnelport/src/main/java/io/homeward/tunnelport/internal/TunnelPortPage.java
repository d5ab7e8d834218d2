package io.homeward.tunnelport.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.TextPage;
import jakarta.servlet.Servlet;

/** The "Homeward tunnel port" Web Console page ({@code /system/console/homeward-tunnelport}): what {@code homeward:tunnelport} prints. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-tunnelport",
        "felix.webconsole.title=Homeward tunnel port",
        "felix.webconsole.category=Homeward"})
public class TunnelPortPage extends TextPage {
    private static final long serialVersionUID = 1L;

    @Activate
    public TunnelPortPage(@Reference TunnelPortComponent source) {
        super("Tunnel port", "tunnelport", () -> source.report().text());
    }
}
