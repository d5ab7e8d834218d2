package io.homeward.console.guard.internal;

/** Whether a request's path, as the HTTP service dispatches it (servlet path and path info), is under the console's root. */
final class ConsolePaths {
    private ConsolePaths() {
    }

    static boolean within(String root, String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
    }
}
