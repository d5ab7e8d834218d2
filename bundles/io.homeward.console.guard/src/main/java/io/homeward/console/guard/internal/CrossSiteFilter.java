package io.homeward.console.guard.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In the web console's own servlet context (every page, plugin and resource under {@code /system/console}, after the
 * console has checked the login): hands each login its token in a cookie and refuses a state-changing request (any
 * method but GET, HEAD and OPTIONS) unless {@link ChangeRule} lets it through.
 *
 * <p>The token travels in a {@code SameSite=Strict} cookie (RFC 6265bis, the SameSite attribute), which a browser
 * never attaches to a request started by another site's page, and {@code HttpOnly}, so no script reads it. Needing no
 * change to the stock console's pages, it covers its forms, its jQuery calls and its multipart bundle upload alike. A
 * neighbouring origin of the same site (another port of this host) would get the cookie attached, so the Origin check
 * is what stops it; the cookie's value, bound to the login, stops a value planted by such a neighbour.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=homeward-console-guard",
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)"})
public class CrossSiteFilter implements Filter {
    static final String COOKIE = "homeward-guard";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleGuardComponent guard;

    @Activate
    public CrossSiteFilter(@Reference ConsoleGuardComponent guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String credentials = request.getHeader("Authorization");
        boolean tokenValid = guard.tokenMatches(credentials, presented(request));
        if (SAFE.contains(request.getMethod())) {
            if (!tokenValid) {
                response.addCookie(cookie(request, guard.tokenFor(credentials)));
            }
            chain.doFilter(request, response);
            return;
        }
        String self = request.getScheme() + "://" + Optional.ofNullable(request.getHeader("Host"))
                .orElse(request.getServerName() + ":" + request.getServerPort());
        Optional<Refusal> refusal = guard.judgeChange(self, request.getHeader("Origin"), request.getHeader("Referer"),
                tokenValid, request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
        if (refusal.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Refused by the console guard: this change was " + refusal.get().text()
                    + ". Open the console page again and retry from there.\n");
            return;
        }
        chain.doFilter(request, response);
    }

    private static List<String> presented(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? List.of()
                : Stream.of(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).toList();
    }

    private static Cookie cookie(HttpServletRequest request, String token) {
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath(request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
