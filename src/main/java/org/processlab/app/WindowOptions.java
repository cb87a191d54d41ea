package org.processlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.processlab.cli.SavedRunProblem;
import org.processlab.lesson.ProgramFile;
import org.processlab.lesson.ProgramFileException;

/**
 * The window's command line: {@code --lessons DIR}, {@code --python PATH}, {@code --presenter} (open in presenter
 * mode), {@code --lesson ID} (open that lesson: its number, name or folder's name, as {@code processlab run}
 * takes it) and one {@code FILE.py} (open that program of one's own instead of a lesson: {@link #looksLikeProgram}) or
 * {@code RUN.json} (open that saved run: {@link #looksLikeRun}); each with a value also as {@code --name=value}. Anything else is the CLI's ({@link Main}). Read with picocli, as the
 * CLI is; never loads JavaFX.
 *
 * The descriptions are what {@code processlab --help} shows for them ({@link #spec}).
 *
 * <p>Immutable once parsed; any thread.
 */
@Command(name = "processlab", sortOptions = false)
final class WindowOptions {
    @Option(names = "--lessons", paramLabel = "DIR", description = "the lessons folder")
    private Path lessons;

    @Option(names = "--python", paramLabel = "PATH", description = "the Python interpreter (default: python3 on the PATH)")
    private String python;

    @Option(names = "--presenter", description = "open in presenter mode: full screen, large text, the timeline first")
    private boolean presenter;

    @Option(names = "--lesson", paramLabel = "ID",
            description = "open this lesson: its number, name or folder (3, process-ids, 03-process-ids)")
    private String lesson;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "open your own program (FILE.py) instead of a lesson,"
            + " or a saved run (RUN.json: from run --format json, or saved in the window)")
    private Path file;

    private WindowOptions() {
    }

    /** The window's options in {@code args}, or empty when {@code args} are not the window's (the CLI's). */
    static Optional<WindowOptions> parse(List<String> args) {
        WindowOptions o = new WindowOptions();
        try {
            new CommandLine(o).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return o.file == null || looksLikeProgram(o.file.toString()) ? Optional.of(o) : Optional.empty();
    }

    /**
     * True when a bare word on the command line that opens the window is a saved run to open rather than a program:
     * its name ends in {@code .json}.
     */
    static boolean looksLikeRun(String word) {
        return word.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /**
     * True when a bare word on the command line is meant as the window's file: it ends in {@code .py},
     * {@code .pyw} or {@code .json} (a saved run), or names a file that is there; never a command of the CLI
     * ({@code run}, {@code show}). So a typo of a command ({@code processlab lsit}) is still the CLI's usage error.
     */
    static boolean looksLikeProgram(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return !"run".equals(word) && !"show".equals(word) && (w.endsWith(".py") || w.endsWith(".pyw")
                || looksLikeRun(word) || java.nio.file.Files.exists(Path.of(word)));
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
        boolean window = !args.isEmpty() && (ours.test(args.get(0)) || looksLikeProgram(args.get(0)))
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

    /** The window's options and {@code FILE.py} as picocli declares them, for {@code --help} to list. */
    static CommandLine.Model.CommandSpec spec() {
        return CommandLine.Model.CommandSpec.forAnnotatedObject(new WindowOptions());
    }

    /**
     * Why the program given on the command line cannot be opened ({@link ProgramFile#read}: no such file, not
     * Python, not UTF-8, too large, unreadable), its message one sentence; null when there is none, or it can be.
     */
    static ProgramFileException programProblem(List<String> args) {
        Optional<WindowOptions> o = parse(args);
        if (o.isEmpty() || o.get().program() == null) {
            return null;
        }
        try {
            ProgramFile.read(o.get().program());
            return null;
        } catch (ProgramFileException e) {
            return e;
        }
    }

    /**
     * Why the saved run given on the command line cannot be opened ({@link SavedRunProblem#check}: missing, newer,
     * too large, broken), read whole; null when there is none, or it opens.
     */
    static SavedRunProblem runProblem(List<String> args) {
        Optional<WindowOptions> o = parse(args);
        return o.isEmpty() || o.get().run() == null ? null : SavedRunProblem.check(o.get().run());
    }

    /** The program to open instead of a lesson, or null. */
    Path program() {
        return file == null || looksLikeRun(file.toString()) ? null : file;
    }

    /** The saved run to open ({@code RUN.json}: {@link #looksLikeRun}), or null. */
    Path run() {
        return file != null && looksLikeRun(file.toString()) ? file : null;
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
