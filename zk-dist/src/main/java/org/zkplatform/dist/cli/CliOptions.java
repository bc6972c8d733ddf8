package org.zkplatform.dist.cli;

import java.util.Arrays;
import java.util.List;
import org.zkplatform.dist.cli.client.HostPort;

/**
 * zk-cli's command line: {@code [-server host:port[,...]] [-timeout ms] [command [args]]}, as
 * zkCli takes it. Options come before the command; everything from the command on is the
 * command's, word for word as the shell split it.
 *
 * @param timeoutMs the session timeout to ask for
 * @param command empty to run a shell (interactive, or a script on stdin)
 * @param help whether {@code -help} was asked for
 */
record CliOptions(List<HostPort> servers, int timeoutMs, List<String> command, boolean help) {

    static final List<HostPort> DEFAULT_SERVERS = List.of(new HostPort("127.0.0.1", HostPort.DEFAULT_PORT));
    /** zkCli's default session timeout. */
    static final int DEFAULT_TIMEOUT_MS = 30_000;

    CliOptions {
        servers = List.copyOf(servers);
        command = List.copyOf(command);
    }

    static CliOptions parse(String[] args) throws CliException {
        List<HostPort> servers = DEFAULT_SERVERS;
        int timeoutMs = DEFAULT_TIMEOUT_MS;
        boolean help = false;
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String option = args[i];
            switch (option) {
                case "-server":
                    try {
                        servers = HostPort.parseList(value(args, i));
                    } catch (IllegalArgumentException e) {
                        throw CliException.usage(e.getMessage());
                    }
                    i += 2;
                    break;
                case "-timeout":
                    timeoutMs = timeout(value(args, i));
                    i += 2;
                    break;
                case "-help":
                case "-h":
                case "--help":
                    help = true;
                    i++;
                    break;
                default:
                    throw CliException.usage("unknown option " + option);
            }
        }
        return new CliOptions(servers, timeoutMs, Arrays.asList(args).subList(i, args.length), help);
    }

    private static String value(String[] args, int i) throws CliException {
        if (i + 1 == args.length) {
            throw CliException.usage(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int timeout(String text) throws CliException {
        try {
            int ms = Integer.parseInt(text);
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("-timeout needs a positive number of milliseconds, got '" + text + "'");
    }
}
