package io.homeward.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One GET of a web console page, and what the page wrote back: body, content type and character encoding. */
public final class ConsoleGet {
    private final String pathInfo;
    private final String uri;
    private final StringWriter body = new StringWriter();
    private String contentType;
    private String characterEncoding;

    /** A GET of {@code uri}, whose part after the servlet's path is {@code pathInfo}; no parameters. */
    public ConsoleGet(String pathInfo, String uri) {
        this.pathInfo = pathInfo;
        this.uri = uri;
    }

    public HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> uri;
                    case "getMethod" -> "GET";
                    default -> null;
                });
    }

    public HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getWriter" -> {
                            return writer;
                        }
                        case "setContentType" -> contentType = (String) args[0];
                        case "setCharacterEncoding" -> characterEncoding = (String) args[0];
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }

    public String body() {
        return body.toString();
    }

    public String contentType() {
        return contentType;
    }

    public String characterEncoding() {
        return characterEncoding;
    }
}
