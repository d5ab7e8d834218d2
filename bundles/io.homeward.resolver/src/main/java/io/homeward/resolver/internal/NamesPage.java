package io.homeward.resolver.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.console.TextPage;
import jakarta.servlet.Servlet;

/** The "Homeward names" Web Console page ({@code /system/console/homeward-names}): what {@code homeward:names} prints. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-names",
        "felix.webconsole.title=Homeward names",
        "felix.webconsole.category=Homeward"})
public class NamesPage extends TextPage {
    private static final long serialVersionUID = 1L;

    @Activate
    public NamesPage(@Reference NamesComponent names) {
        super("Names", "names", () -> names.report().text());
    }
}
