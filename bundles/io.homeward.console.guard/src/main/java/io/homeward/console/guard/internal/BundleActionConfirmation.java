package io.homeward.console.guard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Makes the stock Bundles page ask before it stops or uninstalls a bundle: its script ({@code res/ui/bundles.js})
 * is served with a few lines appended that wrap its one action function in a confirmation. Only a complete (200)
 * answer is changed; anything else passes as the console sent it.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=homeward-bundle-action-confirmation",
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)"})
public class BundleActionConfirmation implements Filter {
    static final String SCRIPT = "/res/ui/bundles.js";
    private static final byte[] APPENDED = appended();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith(SCRIPT)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        Buffered buffered = new Buffered(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        if (buffered.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
            response.setContentLengthLong((long) body.length + APPENDED.length);
            response.getOutputStream().write(body);
            response.getOutputStream().write(APPENDED);
        } else if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

    static byte[] appended() {
        try (InputStream in = BundleActionConfirmation.class.getResourceAsStream("confirm-bundle-actions.js")) {
            if (in == null) {
                throw new IllegalStateException("confirm-bundle-actions.js is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds the console's answer body back so that the length can be set before anything is sent. */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the console's scripts are written synchronously");
            }
        };

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // The length is set once the appended lines are known.
        }

        @Override
        public void setContentLengthLong(long length) {
            // The length is set once the appended lines are known.
        }

        @Override
        public void flushBuffer() {
            // Nothing reaches the client before the appended lines.
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }
    }
}
