package org.processlab.cli;

import java.io.InputStream;
import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless entry: {@code processlab run ...}. Never starts the JavaFX toolkit.
 */
@Command(name = "processlab", mixinStandardHelpOptions = true, version = "ProcessLab 0.1",
        description = "Watch real OS processes live and die. Without a command, opens the window.",
        footer = {"", "The window's options (without a command):",
                "      --lessons=DIR   the lessons folder",
                "      --python=PATH   the Python interpreter (default: python3 on the PATH)",
                "      --presenter     open in presenter mode: full screen, large text, the timeline first",
                "      --lesson=ID     open this lesson: its number, name or folder (3, process-ids,",
                "                      03-process-ids)",
                "      FILE.py         open your own program instead of a lesson",
                "Keys in the window: press ? or F1."},
        subcommands = {RunCommand.class}, exitCodeOnInvalidInput = 64, exitCodeOnExecutionException = 70)
public final class Cli {
    private Cli() {
    }

    /** Runs the command line; returns the exit code. A program run gets /dev/null as its stdin. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, null, out, err);
    }

    /**
     * Runs the command line; returns the exit code.
     *
     * @param in what a program run reads as its stdin, passed through as it comes (the process's own stdin, a terminal
     *           or a pipe); null: /dev/null
     */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(in, out, err));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        // a command line picocli cannot read (an unknown option, "--time-limit abc"): usage on stderr as always, and
        // with --format json the same JSON error document as any other early failure, so a script still gets one
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, rest) -> {
            int code = usage.handleParseException(ex, rest);
            if (asksForJson(args)) {
                out.println(RunCommand.errorJson(ex.getMessage()));
                out.flush();
            }
            return code;
        });
        return cl.execute(args);
    }

    /** Whether the command line asks for {@code --format json} (read by hand: it could not be parsed). */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--".equals(args[i])) {
                return false;
            }
            if (args[i].equals("--format=json") || (args[i].equals("--format") && i + 1 < args.length
                    && args[i + 1].equals("json"))) {
                return true;
            }
        }
        return false;
    }
}
