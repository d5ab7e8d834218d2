package io.homeward.launcher;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs one Gogo command in a started runtime, for scripts ({@code --exec "homeward:status"}).
 * The shell's classes live in a bundle the launcher does not import, so the session is driven
 * by reflection on the two methods it needs.
 */
final class ShellExec {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private ShellExec() {
    }

    /** Returns the exit status: 0 when the command ran, 1 when it failed or never became available. */
    static int run(BundleContext context, String command, PrintStream out, PrintStream err) throws InterruptedException {
        String name = command.strip().split("\\s+")[0];
        String function = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        ServiceReference<?> processor = awaitCommand(context, function, TimeUnit.SECONDS.toMillis(30));
        if (processor == null) {
            err.println("homeward: the command '" + name + "' is not available in this runtime");
            return 1;
        }
        Object service = context.getService(processor);
        try {
            Method createSession = service.getClass().getMethod("createSession", java.io.InputStream.class,
                    java.io.OutputStream.class, java.io.OutputStream.class);
            Object session = createSession.invoke(service, new ByteArrayInputStream(new byte[0]), out, err);
            Object result = session.getClass().getMethod("execute", CharSequence.class).invoke(session, command);
            if (result != null) {
                out.println(result);
            }
            session.getClass().getMethod("close").invoke(session);
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("homeward: " + name + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("homeward: the shell in this runtime cannot run commands: " + e);
            return 1;
        } finally {
            context.ungetService(processor);
        }
    }

    /** Waits, bounded, until the shell and a command with this function name are both registered. */
    private static ServiceReference<?> awaitCommand(BundleContext context, String function, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try {
                ServiceReference<?>[] commands = context.getAllServiceReferences(null, "(osgi.command.function=" + function + ")");
                ServiceReference<?> processor = context.getServiceReference(PROCESSOR);
                if (commands != null && processor != null) {
                    return processor;
                }
            } catch (InvalidSyntaxException e) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }
}
