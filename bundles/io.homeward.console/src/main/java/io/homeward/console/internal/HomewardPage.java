package io.homeward.console.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.runtime.RuntimeStatus;
import io.homeward.api.watch.SubscriptionStatus;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Homeward runtime" Web Console page ({@code /system/console/homeward}) and its JSON twin
 * ({@code /system/console/homeward.json}, or {@code ?format=json}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward",
        "felix.webconsole.title=Homeward runtime",
        "felix.webconsole.category=Homeward"})
public class HomewardPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RuntimeStatus runtimeStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HostIdentity hostIdentity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile SubscriptionStatus subscriptionStatus;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleFacts facts = ConsoleFacts.read(runtimeStatus, hostIdentity, subscriptionStatus);
        JsonRequests.answer(request, response, () -> JsonDocument.render(facts), () -> HtmlPage.render(facts));
    }
}
