package io.homeward.console.internal.settings;

import java.io.IOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.signin.AgentAccount;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.LiveEvents;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's Settings page ({@code /system/console/homeward-settings}): this machine's name and its rename
 * (docs/enrollment.md, "Renaming a host"), the account it is signed in to, and the way to the Configuration page
 * for everything else. {@code .json} answers the same as JSON (see {@link SettingsRequests}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + SettingsPage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_SETTINGS,
        "felix.webconsole.category=Homeward"})
public class SettingsPage extends HttpServlet {
    static final String LABEL = "homeward-settings";
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HostIdentity identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile AgentAccount account;

    private final transient LiveEvents events = new LiveEvents(Clock.systemUTC(), LiveEvents.Timing.DEFAULT);

    /** Ends the pushed live parts: their requests return. */
    @Deactivate
    void deactivate() {
        events.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (LiveEvents.wanted(request)) {
            events.answer(response, () -> SettingsHtml.live(SettingsFacts.read(identity, account)));
            return;
        }
        SettingsRequests.get(request, response, identity, account, LABEL);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SettingsRequests.post(request, response, account);
    }
}
