package io.homeward.console.internal;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * What a form of the machines or add-a-machine page did, kept in the session and shown once on the next page view
 * (POST, then 303 to the page, so a reload never repeats a change).
 *
 * @param ok      false for a refused or failed change
 * @param message what happened, in words for the person
 * @param code    the invite code made, or null
 * @param command what the new machine runs, or null
 */
public record PageOutcome(boolean ok, String message, String code, String command) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static PageOutcome done(String message) {
        return new PageOutcome(true, message, null, null);
    }

    public static PageOutcome refused(String message) {
        return new PageOutcome(false, message, null, null);
    }

    /** Keeps the outcome in the session under {@code key} and redirects (303) to the page. */
    public void redirect(HttpServletRequest request, HttpServletResponse response, String key) {
        request.getSession(true).setAttribute(key, this);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI());
    }

    /** The outcome kept under {@code key}, removed so it shows once; null when there is none. */
    public static PageOutcome take(HttpServletRequest request, String key) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(key) instanceof PageOutcome kept) {
            session.removeAttribute(key);
            return kept;
        }
        return null;
    }
}
