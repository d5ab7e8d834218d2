package io.homeward.kit.process;

import java.io.IOException;
import java.util.List;

/** Runs one external program (an {@code ip} or {@code resolvectl} command) to completion; the seam unit tests fake. */
public interface CommandRunner {

    /**
     * Runs the argv and returns what it printed on standard output.
     *
     * @throws IOException if it cannot start, does not finish in time, or exits non-zero; the message quotes
     *                     the command and what it printed on standard error
     */
    String run(List<String> argv) throws IOException;
}
