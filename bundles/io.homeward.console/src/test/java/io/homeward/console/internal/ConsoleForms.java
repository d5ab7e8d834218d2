package io.homeward.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** A browser's session with one console page: GETs and form POSTs, and what the page answered. */
public final class ConsoleForms {
    /** One answer: status, headers, content type and body. */
    public record Answer(int status, Map<String, String> headers, String contentType, String body) {
    }

    /** The console's root path; what follows it in a URI is the path info a plugin is given. */
    private static final String CONSOLE = "/system/console";

    private final HttpServlet page;
    private final String uri;
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** @param uri the page's path, for example {@code /system/console/homeward-machines} */
    public ConsoleForms(HttpServlet page, String uri) {
        this.page = page;
        this.uri = uri;
    }

    public Answer get() throws Exception {
        return get("");
    }

    /** A GET of the page's path with {@code suffix} ({@code .json}, {@code .live}) appended. */
    public Answer get(String suffix) throws Exception {
        return exchange("GET", uri + suffix, Map.of());
    }

    public Answer post(Map<String, String> parameters) throws Exception {
        return post("", parameters);
    }

    /** A form POST to the page's path with {@code suffix} ({@code /users}) appended. */
    public Answer post(String suffix, Map<String, String> parameters) throws Exception {
        return exchange("POST", uri + suffix, parameters);
    }

    private Answer exchange(String method, String target, Map<String, String> parameters) throws Exception {
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        String[] type = {null};
        StringWriter text = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" -> parameters.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new String[] {e.getValue()}));
                    case "getRequestURI" -> target;
                    case "getPathInfo" -> target.startsWith(CONSOLE) ? target.substring(CONSOLE.length()) : null;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getSession" -> args == null || (Boolean) args[0] || !attributes.isEmpty() ? session : null;
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus", "sendError" -> status[0] = (Integer) a[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "setContentType" -> type[0] = (String) a[0];
                        case "getWriter" -> {
                            return new PrintWriter(text, true);
                        }
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    bytes.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(WriteListener listener) {
                                }
                            };
                        }
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
        page.service(request, response);
        return new Answer(status[0], headers, type[0], text + bytes.toString(StandardCharsets.UTF_8));
    }
}
