package io.homeward.console.guard.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.Preprocessor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of the web console, before it checks the login (a Whiteboard preprocessor: the console's context answers
 * 401 before any filter of that context runs): puts the anti-framing and no-sniffing headers on every console
 * response, including 401 and 429, and slows password guessing. A request that carries credentials from an address
 * serving a penalty is answered 429 with {@code Retry-After} (RFC 6585 §4) at once; a 401 to one that carried
 * credentials counts as a failed login, any other answer clears the address.
 */
@Component(service = Preprocessor.class)
public class ConsoleEntrancePreprocessor implements Preprocessor {
    private final ConsoleGuardComponent guard;

    /**
     * The service properties of the console's servlet context, whose path is the console's root; absent while the
     * console is not registered (nothing to guard then). Nothing in the runtime declares that service as a
     * capability, so a mandatory reference would not resolve.
     */
    @Reference(service = ServletContextHelper.class, target = "(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Map<String, Object> console;

    @Activate
    public ConsoleEntrancePreprocessor(@Reference ConsoleGuardComponent guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Map<String, Object> context = console;
        if (context == null || !ConsolePaths.within(String.valueOf(context.get("osgi.http.whiteboard.context.path")),
                request.getServletPath(), request.getPathInfo())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getHeader("Authorization") == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = guard.loginRefusal(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many failed logins from " + address + "; try again in " + seconds + " s.\n");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            guard.loginFailed(address);
        } else {
            guard.loginSucceeded(address);
        }
    }
}
