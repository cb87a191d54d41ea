package org.processlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The window's command line: {@code --lessons DIR}, {@code --python PATH}, {@code --presenter} (open in presenter
 * mode) and {@code --lesson ID} (open that lesson: its number, name or folder's name, as {@code processlab run}
 * takes it); each
 * with a value also as {@code --name=value}. Anything else is the CLI's ({@link Main}). Read with picocli, as the
 * CLI is; never loads JavaFX.
 *
 * <p>Immutable once parsed; any thread.
 */
@Command(name = "processlab")
final class WindowOptions {
    @Option(names = "--lessons", paramLabel = "DIR", description = "the lessons folder")
    private Path lessons;

    @Option(names = "--python", paramLabel = "PATH", description = "the Python interpreter")
    private String python;

    @Option(names = "--presenter", description = "open in presenter mode (full screen, large text)")
    private boolean presenter;

    @Option(names = "--lesson", paramLabel = "ID", description = "open this lesson, e.g. 02-first-processes")
    private String lesson;

    private WindowOptions() {
    }

    /** The window's options in {@code args}, or empty when {@code args} are not the window's (the CLI's). */
    static Optional<WindowOptions> parse(List<String> args) {
        WindowOptions o = new WindowOptions();
        try {
            new CommandLine(o).parseArgs(args.toArray(String[]::new));
            return Optional.of(o);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with {@code args} when they are meant for the window (every option in them is one of the
     * window's) but cannot be read, such as {@code --lesson} without its value; else null (they are fine, or they are
     * the CLI's).
     */
    static String problem(List<String> args) {
        // the option names as the annotations above declare them, so a new option needs no second list here
        java.util.Set<String> names = new CommandLine(new WindowOptions()).getCommandSpec().optionsMap().keySet();
        java.util.function.Predicate<String> ours = a -> names.contains(a.split("=", 2)[0]);
        boolean window = !args.isEmpty() && ours.test(args.get(0))
                && args.stream().filter(a -> a.startsWith("-")).allMatch(ours);
        if (!window) {
            return null;
        }
        try {
            new CommandLine(new WindowOptions()).parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** The lessons folder asked for, or null for the default. */
    Path lessons() {
        return lessons;
    }

    /** The interpreter asked for, or null for python3 on the PATH. */
    String python() {
        return python;
    }

    /** True with {@code --presenter}. */
    boolean presenter() {
        return presenter;
    }

    /** The lesson to open, or null for the last one opened. */
    String lesson() {
        return lesson;
    }
}
