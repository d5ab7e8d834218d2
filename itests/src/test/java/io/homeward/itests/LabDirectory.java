package io.homeward.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A test class's working directory under the system's temporary directory (runtimes' data and logs, captures,
 * daemons' files): made before the class's {@code @BeforeAll}, deleted after its {@code @AfterAll} when every test
 * passed, kept (and its path printed) when one failed, so what the runtimes wrote can be read. Deleting is best
 * effort and never fails a test. {@code -Djunit.jupiter.tempdir.cleanup.mode.default=NEVER}, the switch that keeps
 * JUnit's own temporary directories, keeps these too.
 *
 * <pre>{@code @RegisterExtension static final LabDirectory WORK = new LabDirectory("homeward-autotunnel");}</pre>
 */
public final class LabDirectory implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final String KEEP_SWITCH = "junit.jupiter.tempdir.cleanup.mode.default";

    private final String prefix;
    private volatile Path path;
    private volatile boolean failed;

    public LabDirectory(String prefix) {
        this.prefix = prefix;
    }

    /** The directory; there from the class's {@code @BeforeAll} on. */
    public Path path() {
        Path p = path;
        if (p == null) {
            throw new IllegalStateException("the lab directory " + prefix + " is made before @BeforeAll; register it"
                    + " with @RegisterExtension on a static field");
        }
        return p;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        path = Files.createTempDirectory(prefix);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Path p = path;
        if (p == null) {
            return;
        }
        boolean keep = failed || context.getExecutionException().isPresent()
                || context.getConfigurationParameter(KEEP_SWITCH).filter("NEVER"::equalsIgnoreCase).isPresent();
        if (keep) {
            System.err.println("Kept " + p + (failed || context.getExecutionException().isPresent()
                    ? " (a test failed: its runtimes' logs are there)" : " (" + KEEP_SWITCH + "=NEVER)"));
            return;
        }
        delete(p).ifPresent(why -> System.err.println("Could not delete all of " + p + ": " + why));
    }

    /** Deletes a tree, deepest first; what could not be deleted, if anything. */
    static Optional<String> delete(Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
        String first = null;
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                first = first == null ? e.toString() : first;
            }
        }
        return Optional.ofNullable(first);
    }
}
