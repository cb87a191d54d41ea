package org.processlab.cli;

import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless entry: {@code processlab run ...}. Never starts the JavaFX toolkit.
 */
@Command(name = "processlab", mixinStandardHelpOptions = true, version = "ProcessLab 0.1",
        description = "Watch real OS processes live and die. Without a command, opens the window.",
        subcommands = {RunCommand.class}, exitCodeOnInvalidInput = 64, exitCodeOnExecutionException = 70)
public final class Cli {
    private Cli() {
    }

    /** Runs the command line; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(out, err));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }
}
