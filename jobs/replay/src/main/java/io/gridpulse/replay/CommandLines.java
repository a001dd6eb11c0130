package io.gridpulse.replay;

import picocli.CommandLine;

/**
 * Runs an analyst's command so that bad input ends in one readable line and a non-zero exit, never
 * a usage dump or a stack trace: a wrong option is exit 2, a run that fails (a file that is not
 * what it should be, an input that cannot be read) exit 1. {@code -Dgridpulse.stack-traces=true}
 * shows the stack trace for a developer.
 */
public final class CommandLines {

    private CommandLines() {}

    public static int run(Object command, String... args) {
        CommandLine cmd = new CommandLine(command);
        String name = cmd.getCommandName();
        cmd.setParameterExceptionHandler(
                (e, given) -> {
                    e.getCommandLine()
                            .getErr()
                            .println(name + ": " + e.getMessage() + " (--help lists the options)");
                    return 2;
                });
        cmd.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println(name + ": " + describe(e));
                    if (Boolean.getBoolean("gridpulse.stack-traces")) {
                        e.printStackTrace(commandLine.getErr());
                    }
                    return 1;
                });
        return cmd.execute(args);
    }

    /** The innermost message worth reading, with the kind of failure when it has none. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null
                && (cause.getMessage() == null || cause.getMessage().contains("Exception:"))) {
            cause = cause.getCause();
        }
        if (cause instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            return "not allowed to read " + denied.getFile();
        }
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getMessage().replace('\n', ' ');
    }
}
