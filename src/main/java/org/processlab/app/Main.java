package org.processlab.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.processlab.cli.Cli;
import org.processlab.cli.SavedRunProblem;
import org.processlab.lesson.ProgramFileException;

/**
 * The jar's entry point. With no arguments, or only the window's ({@link WindowOptions}: {@code --lessons DIR},
 * {@code --python PATH}, {@code --presenter}, {@code --lesson ID}, {@code FILE.py} or {@code RUN.json}), it opens the
 * window (a {@code FILE.py} that cannot be opened is one line on stderr and exit code 66 when it is missing or
 * unreadable, 65 when it is not a program, as {@code run FILE} answers: {@link Cli#exitCodeFor}; a {@code RUN.json}
 * likewise, as {@code show RUN.json} answers: {@link SavedRunProblem}); anything else is the headless CLI
 * ({@code run}, {@code show}, {@code --help}, {@code --version}, or a usage error), which never starts the JavaFX
 * toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String problem = WindowOptions.problem(java.util.List.of(args));
        if (problem != null) {
            System.err.println("processlab: " + problem + ". The window's options: --lessons DIR, --python PATH, "
                    + "--presenter, --lesson ID (see processlab --help).");
            System.exit(64);
        }
        // a program that cannot be opened is said here, on the terminal it was typed on, before any window
        ProgramFileException notAProgram = WindowOptions.programProblem(java.util.List.of(args));
        if (notAProgram != null) {
            System.err.println("processlab: " + notAProgram.getMessage());
            System.exit(Cli.exitCodeFor(notAProgram));
        }
        // a saved run is read whole here: one that cannot be shown whole opens no window
        SavedRunProblem notARun = WindowOptions.runProblem(java.util.List.of(args));
        if (notARun != null) {
            System.err.println("processlab: " + notARun.message());
            System.exit(notARun.exitCode());
        }
        if (!windowArguments(args)) {
            PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
            int code = Cli.execute(args, WindowOptions.spec(), new java.io.FileInputStream(java.io.FileDescriptor.in),
                    out, err);
            out.flush();
            System.exit(code);
        }
        if (noDisplay()) {
            System.err.println("processlab: no display to open the window on (DISPLAY is not set). "
                    + "Use 'processlab run TARGET' for the headless report, or 'processlab --help'.");
            System.exit(69);
        }
        Gui.open(args);
    }

    /** True for the window's own command line: nothing, or only the window's options ({@link WindowOptions}). */
    static boolean windowArguments(String[] args) {
        return WindowOptions.parse(java.util.List.of(args)).isPresent();
    }

    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = !os.startsWith("windows") && !os.startsWith("mac");
        return x11 && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))
                && !"Monocle".equals(System.getProperty("glass.platform"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
