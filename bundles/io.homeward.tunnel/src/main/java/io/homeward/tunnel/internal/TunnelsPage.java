package io.homeward.tunnel.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.TextPage;
import jakarta.servlet.Servlet;

/** The "Homeward tunnels" Web Console page ({@code /system/console/homeward-tunnels}): what {@code homeward:tunnels} prints. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-tunnels",
        "felix.webconsole.title=Homeward tunnels",
        "felix.webconsole.category=Homeward"})
public class TunnelsPage extends TextPage {
    private static final long serialVersionUID = 1L;

    @Activate
    public TunnelsPage(@Reference TunnelComponent source) {
        super("Tunnels", "tunnels", () -> source.report().text());
    }
}
