package io.homeward.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's command line, checked before anything starts.
 *
 * @param feature        which runtime to run
 * @param configDir      configuration files to apply, empty for the defaults packed in the jar
 * @param dataDir        where the runtime keeps its state, logs and the console password
 * @param consoleAddress the address the web console listens on
 * @param consolePort    the port the web console listens on
 * @param shell          whether to offer the Gogo shell on an interactive terminal
 * @param logLevel       the terminal and file log level
 * @param logRotation    when the log file is rolled over and how many files are kept
 * @param exec           a shell command to run in the started runtime, which then stops
 * @param join           an invite code to join with once the runtime started, which then keeps running
 * @param help           print usage and exit
 */
record LaunchOptions(String feature, Optional<Path> configDir, Path dataDir, String consoleAddress, int consolePort,
        boolean shell, String logLevel, LogRotation logRotation, Optional<String> exec, Optional<String> join,
        boolean help) {

    static final List<String> FEATURES = List.of("all-in-one", "agent", "gateway", "rendezvous");
    static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

    static final String USAGE = """
            Usage: java -jar homeward.jar [options]

            Runs a Homeward runtime: reachability, names and encrypted tunnels between a user's hosts.

            Options:
              --feature NAME          all-in-one (default), agent, gateway or rendezvous
              --config DIR            configuration files (*.json, OSGi Configurator format) to apply;
                                      default: the defaults shipped in the jar (config/ in the source tree).
                                      Applied at every start over what earlier files set; a configuration
                                      changed in the web console is kept (the log says so, per PID)
              --data DIR              state, logs and the console password (default: ./data)
              --console-address ADDR  address of the web console (default: 127.0.0.1)
              --console-port PORT     port of the web console (default: 8080)
              --no-shell              no Gogo shell on the terminal
              --log-level LEVEL       error, warn, info (default), debug or trace
              --log-file-size SIZE    roll DATA/homeward.log over at this size, e.g. 512KB, 10MB (default), 1GB
              --log-files N           log files kept, the current one included: 2 to 21 (default 5)
              --exec "COMMAND"        start, run one shell command (e.g. "homeward:status"), print
                                      its result and stop; the web console gets a free port
              --join CODE             join the account with an invite code (docs/enrollment.md) once
                                      started, then keep running; if joining fails, print why and
                                      exit with status 1. Usually with --feature agent
              --help                  print this and exit

            The web console is at http://ADDR:PORT/system/console, user admin; the password is
            generated on first start and kept in DATA/console-password. DATA and every directory in it
            are readable only by you. On an ADDR other than loopback the console serves HTTPS only, with
            the rendezvous' certificate (DATA/tls) or else a self-signed one kept in DATA/console-tls;
            the terminal shows its SHA-256 fingerprint.
            Stop with Ctrl-C or SIGTERM.
            """;

    static LaunchOptions parse(String... args) throws UsageException {
        String feature = "all-in-one";
        Optional<Path> config = Optional.empty();
        Path data = Path.of("data");
        String address = "127.0.0.1";
        int port = 8080;
        boolean shell = true;
        String logLevel = "info";
        LogRotation logRotation = LogRotation.DEFAULT;
        Optional<String> exec = Optional.empty();
        Optional<String> join = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--no-shell" -> shell = false;
                case "--feature" -> feature = oneOf(arg, value(args, ++i, arg), FEATURES);
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, arg)));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--console-address" -> address = value(args, ++i, arg);
                case "--console-port" -> port = port(value(args, ++i, arg));
                case "--log-level" -> logLevel = oneOf(arg, value(args, ++i, arg), LOG_LEVELS);
                case "--log-file-size" -> logRotation = logRotation.withFileSize(value(args, ++i, arg));
                case "--log-files" -> logRotation = logRotation.withFiles(value(args, ++i, arg));
                case "--exec" -> exec = Optional.of(value(args, ++i, arg));
                case "--join" -> join = Optional.of(inviteCode(value(args, ++i, arg)));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (exec.isPresent() && join.isPresent()) {
            throw new UsageException("--exec and --join cannot be combined: join first, then run commands");
        }
        return new LaunchOptions(feature, config, data, address, port, shell && exec.isEmpty(), logLevel, logRotation,
                exec, join, help);
    }

    /** An invite code as pasted ({@code HW1} and base32, spaces and dashes allowed), without the spaces. */
    private static String inviteCode(String value) throws UsageException {
        String code = value.replaceAll("\\s", "");
        if (!code.matches("[A-Za-z0-9-]+")) {
            throw new UsageException("--join needs an invite code (HW1 followed by letters and digits), not '" + value
                    + "'");
        }
        return code;
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static String oneOf(String option, String value, List<String> allowed) throws UsageException {
        if (!allowed.contains(value)) {
            throw new UsageException(option + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return value;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--console-port must be a number from 1 to 65535, not '" + value + "'");
    }
}
