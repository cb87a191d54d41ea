package org.processlab.cli;

import java.io.InputStream;
import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import org.processlab.lesson.ProgramFileException;

/**
 * The headless entry: {@code processlab run ...} and {@code processlab show RUN.json}. Never starts the JavaFX toolkit. Its {@code --help} lists the
 * window's options too, laid out by picocli from their own declarations (the caller passes them), so a long
 * description wraps under its column as the CLI's own options do.
 */
@Command(name = "processlab", mixinStandardHelpOptions = true, version = "ProcessLab 0.1",
        description = "Watch real OS processes live and die. Without a command, opens the window.",
        footer = "Keys in the window: press ? or F1.",
        subcommands = {RunCommand.class, ShowCommand.class}, exitCodeOnInvalidInput = 64,
        exitCodeOnExecutionException = 70)
public final class Cli {
    private Cli() {
    }

    /** The heading of the window's options in {@code --help}. */
    static final String WINDOW_OPTIONS_HEADING = "The window's options (without a command):";

    /** Runs the command line; returns the exit code. A program run gets /dev/null as its stdin. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, null, out, err);
    }

    /**
     * The sysexits.h code for a file that cannot be run as a program: 66 (EX_NOINPUT) when it is missing or cannot be
     * read, 65 (EX_DATAERR) when it is there but is not a program we run. The window's {@code FILE.py} and
     * {@code run FILE} answer alike.
     */
    public static int exitCodeFor(ProgramFileException e) {
        return switch (e.kind()) {
            case CANNOT_READ -> RunCommand.EX_NOINPUT;
            case NOT_A_PROGRAM -> RunCommand.EX_DATAERR;
        };
    }

    /** Runs the command line, its {@code --help} without the window's options; returns the exit code. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return execute(args, null, in, out, err);
    }

    /**
     * Runs the command line; returns the exit code.
     *
     * @param window the window's command line, whose options and parameters {@code --help} lists under
     *               {@link #WINDOW_OPTIONS_HEADING}; null: none listed
     * @param in     what a program run reads as its stdin, passed through as it comes (the process's own stdin, a
     *               terminal or a pipe); null: /dev/null
     */
    public static int execute(String[] args, CommandSpec window, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(in, out, err));
                }
                if (cls == ShowCommand.class) {
                    return cls.cast(new ShowCommand(out, err));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        if (window != null) {
            listWindowOptions(cl, window);
        }
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

    /** Adds the window's options to {@code --help}, before the footer, in picocli's own two-column layout. */
    private static void listWindowOptions(CommandLine cl, CommandSpec window) {
        window.usageMessage().width(cl.getCommandSpec().usageMessage().width());
        CommandLine.Help help = new CommandLine(window).getHelp();
        cl.getHelpSectionMap().put(WINDOW_OPTIONS_HEADING, h -> System.lineSeparator() + WINDOW_OPTIONS_HEADING + System.lineSeparator()
                + help.optionList() + help.parameterList());
        java.util.List<String> keys = new java.util.ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), WINDOW_OPTIONS_HEADING);
        cl.setHelpSectionKeys(keys);
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
