package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code python3 -m http.server} bound to one address in a lab namespace, serving a directory; started once it
 * says it serves, stopped on close.
 */
record WebServer(Process process) implements AutoCloseable {

    static WebServer start(String namespace, String address, int port, Path directory) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", namespace, "python3", "-u", "-m", "http.server", "--bind",
                address, "--directory", directory.toString(), Integer.toString(port)).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (first == null || !first.startsWith("Serving HTTP on")) {
            p.destroyForcibly();
            throw new IOException("http.server did not serve on [" + address + "]:" + port + ": " + first);
        }
        return new WebServer(p);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
