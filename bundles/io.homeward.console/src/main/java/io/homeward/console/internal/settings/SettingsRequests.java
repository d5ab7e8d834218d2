package io.homeward.console.internal.settings;

import java.io.IOException;
import java.util.Optional;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.signin.AgentAccount;
import io.homeward.console.internal.LivePart;
import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The requests of the Settings page, under either of its labels: a GET answers the page, its {@code .json} or its
 * {@code .live} part; a POST carries out the form, keeps the outcome (and what was typed, never the password) in the
 * session and redirects (303) to the page, so a reload never repeats it. Signing out asks first. The console guard
 * protects the forms (its token travels in a SameSite cookie; nothing is added to them).
 */
final class SettingsRequests {
    static final String OUTCOME = SettingsRequests.class.getName() + ".outcome";
    private static final String APP_ROOT = "felix.webconsole.appRoot";

    private SettingsRequests() {
    }

    static void get(HttpServletRequest request, HttpServletResponse response, HostIdentity identity,
            AgentAccount account, String label) throws IOException {
        SettingsFacts facts = SettingsFacts.read(identity, account);
        response.setHeader("Cache-Control", "no-store");
        if (LivePart.wanted(request)) {
            LivePart.answer(response, SettingsHtml.live(facts));
            return;
        }
        Optional<SettingsOutcome> outcome = Optional.empty();
        HttpSession session = JsonRequests.wanted(request) ? null : request.getSession(false);
        if (session != null && session.getAttribute(OUTCOME) instanceof SettingsOutcome stored) {
            outcome = Optional.of(stored);
            session.removeAttribute(OUTCOME);
        }
        SettingsForm form = outcome.map(SettingsOutcome::form)
                .orElseGet(() -> SettingsForm.of(facts.account().flatMap(a -> a.signedIn())));
        Object appRoot = request.getAttribute(APP_ROOT);
        Optional<SettingsOutcome> shown = outcome;
        JsonRequests.answer(request, response, () -> SettingsJson.render(facts), () -> SettingsHtml.page(facts, shown,
                form, appRoot == null ? "/system/console" : appRoot.toString(), label));
    }

    static void post(HttpServletRequest request, HttpServletResponse response, AgentAccount account)
            throws IOException {
        String action = request.getParameter("action");
        if (SettingsActions.SIGN_OUT.equals(action) && !Confirmation.given(request)) {
            Confirmation.ask(request, response, "Sign this host out? It withdraws its records and closes its tunnels:"
                    + " the user's other hosts lose it until it signs in again.", "Sign out");
            return;
        }
        SettingsForm form = SettingsForm.submitted(request.getParameter("zone"), request.getParameter("user"),
                request.getParameter("server"), request.getParameter("pin"), request.getParameter("code"),
                request.getParameter("name"));
        String given = request.getParameter("password");
        SettingsOutcome outcome = SettingsActions.apply(account, action, form,
                given == null ? new char[0] : given.toCharArray());
        request.getSession(true).setAttribute(OUTCOME, outcome);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI()
                + (SettingsActions.RENAME.equals(action) ? "#rename" : "#account"));
    }
}
