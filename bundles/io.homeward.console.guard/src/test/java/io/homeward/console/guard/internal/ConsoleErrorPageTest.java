package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ConsoleErrorPageTest {
    @Test
    void theReasonAloneEscaped() throws Exception {
        assertEquals("Not saved: Lease seconds (leaseSeconds): &quot;&lt;b&gt;90&lt;/b&gt;&quot; is not a whole number\n",
                answer("Not saved: Lease seconds (leaseSeconds): \"<b>90</b>\" is not a whole number"));
        assertEquals("The console refused the request as malformed.\n", answer(null));
    }

    private static String answer(String message) throws Exception {
        Map<String, String> headers = new HashMap<>();
        StringWriter body = new StringWriter();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getAttribute" -> RequestDispatcher.ERROR_MESSAGE.equals(args[0]) ? message : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "getWriter" -> new PrintWriter(body, true);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        new ConsoleErrorPage().service(request, response);
        assertEquals("text/html;charset=UTF-8", headers.get("Content-Type"));
        return body.toString();
    }
}
