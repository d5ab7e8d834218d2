package io.homeward.ike.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.TextPage;
import jakarta.servlet.Servlet;

/** The "Homeward IKE" Web Console page ({@code /system/console/homeward-ike}): what {@code homeward:ike} prints. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-ike",
        "felix.webconsole.title=Homeward IKE",
        "felix.webconsole.category=Homeward"})
public class IkePage extends TextPage {
    private static final long serialVersionUID = 1L;

    @Activate
    public IkePage(@Reference IkeComponent source) {
        super("IKE", "ike", () -> source.report().text());
    }
}
