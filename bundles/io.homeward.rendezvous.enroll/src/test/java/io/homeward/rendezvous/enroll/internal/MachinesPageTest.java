package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.qr.QrCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

class MachinesPageTest {
    private static final String PAGE = "/system/console/homeward-machines";

    @TempDir
    Path data;

    private EnrollmentFixture fixture;
    private MachinesPage page;
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> sessionAttributes.get((String) args[0]);
                case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @BeforeEach
    void start() throws Exception {
        fixture = new EnrollmentFixture(data);
        page = new MachinesPage(fixture.server.machines());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpServletRequest request(String method, Map<String, String> parameters) {
        return request(method, PAGE, parameters);
    }

    private HttpServletRequest request(String method, String uri, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" -> parameters.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new String[] {e.getValue()}));
                    case "getRequestURI" -> uri;
                    case "getPathInfo" -> null;
                    case "getSession" -> args == null || (Boolean) args[0] || !sessionAttributes.isEmpty() ? session : null;
                    case "getProtocol" -> "HTTP/1.1";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private String post(Map<String, String> parameters) throws Exception {
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        page.service(request("POST", parameters), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        assertEquals(303, status[0]);
        assertEquals(PAGE, headers.get("Location"));
        return get();
    }

    /** A POST answered with a page instead of a redirect: the confirmation question. */
    private String asked(Map<String, String> parameters) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        page.service(request("POST", parameters), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> assertEquals(200, a[0]);
                        case "setContentType", "setHeader", "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    body.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                                }
                            };
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        return body.toString(StandardCharsets.UTF_8);
    }

    private String get() throws Exception {
        StringWriter body = new StringWriter();
        page.service(request("GET", Map.of()), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setContentType" -> assertEquals("text/html;charset=UTF-8", a[0]);
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        return body.toString();
    }

    @Test
    void invitingShowsTheCodeAndTheCommandOnceAndThenOnlyThePendingInvite() throws Exception {
        String shown = post(Map.of("action", "invite", "user", "alice", "host", "laptop", "valid", "1d"));
        assertTrue(shown.contains("Invite for laptop.alice.members.example., valid once until "), shown);
        int at = shown.indexOf("<pre class=\"homeward-invite\">") + "<pre class=\"homeward-invite\">".length();
        String code = shown.substring(at, shown.indexOf("</pre>", at));
        assertTrue(shown.contains("<pre>java -jar homeward.jar --feature agent --join " + code + "</pre>"), shown);
        assertTrue(shown.contains("<div class=\"homeward-invite-qr\" style=\"width:16em\">"
                + QrCode.encode(code).svg() + "</div>"), shown);

        String later = get();
        assertFalse(later.contains(code), "shown once");
        assertTrue(later.contains(InviteCode.decode(code).id()), later);
        assertTrue(later.contains("<h2>Invite a machine</h2>"), later);
    }

    @Test
    void revokingFromThePageAndEscapingWhatUsersTyped() throws Exception {
        InviteCode invite = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr("CN=laptop.alice.members.example");
        fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(invite, csr.body()), csr.body());
        String listed = get();
        assertTrue(listed.contains("<input type=\"hidden\" name=\"host\" value=\"laptop.alice.members.example.\">"
                + "<button type=\"submit\">Revoke laptop</button>"), listed);

        String question = asked(Map.of("action", "revoke", "user", "alice", "host", "laptop.alice.members.example."));
        assertTrue(question.contains("Revoke laptop.alice.members.example. of alice? Its certificate and key stop"),
                question);
        assertTrue(question.contains("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"), question);
        assertFalse(get().contains("<strong>revoked "), "nothing revoked before the confirmation");

        String revoked = post(Map.of("action", "revoke", "host", "laptop.alice.members.example.", "confirmed", "yes"));
        assertTrue(revoked.contains("ui-state-highlight\" role=\"status\">Revoked 1 certificate"), revoked);
        assertTrue(revoked.contains("<strong>revoked "), revoked);

        String refused = post(Map.of("action", "invite", "user", "<script>", "valid", "1h"));
        assertTrue(refused.contains("ui-state-error\" role=\"status\">there is no user &lt;script&gt;"), refused);
    }

    @Test
    void theJsonFormListsMachinesAndInvitesWithoutSecrets() throws Exception {
        InviteCode invite = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr("CN=laptop.alice.members.example");
        fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(invite, csr.body()), csr.body());
        InviteCode pending = fixture.invite("alice", Optional.of("desktop"));
        StringWriter body = new StringWriter();
        page.service(request("GET", PAGE + ".json", Map.of()), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setContentType" -> assertEquals("application/json;charset=UTF-8", a[0]);
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        String json = body.toString();
        assertTrue(json.matches("\\{\"users\":\\[\\{\"user\":\"alice\",\"zone\":\"alice.members.example.\",\"machines\":"
                + "\\[\\{\"host\":\"laptop.alice.members.example.\",\"keySince\":\"[^\"]+\",\"certificates\":\\[\\{\"serial\":"
                + "\"[0-9a-f]+\",\"notAfter\":\"[^\"]+\",\"revoked\":null}]}],\"invites\":\\[\\{\"id\":\"" + pending.id()
                + "\",\"for\":\"desktop\",\"expires\":\"[^\"]+\"}]},\\{\"user\":\"bob\",\"zone\":\"bob.members.example.\","
                + "\"machines\":\\[],\"invites\":\\[]}]}"), json);
        assertFalse(json.contains(pending.encode()), "no invite code");
    }
}
