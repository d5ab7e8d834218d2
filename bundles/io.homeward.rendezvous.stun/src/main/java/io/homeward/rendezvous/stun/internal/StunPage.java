package io.homeward.rendezvous.stun.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.TextPage;
import jakarta.servlet.Servlet;

/** The "Homeward STUN server" Web Console page ({@code /system/console/homeward-stun}): what {@code homeward:stun} prints. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-stun",
        "felix.webconsole.title=Homeward STUN server",
        "felix.webconsole.category=Homeward"})
public class StunPage extends TextPage {
    private static final long serialVersionUID = 1L;

    @Activate
    public StunPage(@Reference StunServerComponent source) {
        super("STUN server", "stun", () -> source.report());
    }
}
