package org.processlab.store;

import java.nio.file.Path;

/**
 * ProcessLab's home folder, where a person's own data is kept: {@code progress.json} ({@link ProgressStore}), {@code settings.json} ({@link SettingsStore}),
 * {@code programs.json} ({@link ProgramStore}: recent files, each file's arguments and interpreter),
 * {@code runs/}, the kept runs ({@link RunStore}) and, in {@code runs/logs/}, the window's run logs ({@link RunLogs}), {@code edits/}, the person's edits of examples and of their
 * own programs ({@link EditsStore}), and {@code scratch/}, one folder per open window where a person's version of an
 * example runs ({@link ScratchFolder}). Nothing is written here until something is kept.
 *
 * @param dir the folder (it may not exist yet)
 */
public record ProcessLabHome(Path dir) {
    /** The system property that names the home folder (tests and benchmarks point it at a temporary folder). */
    public static final String PROPERTY = "processlab.home";

    /** The folder of {@value #PROPERTY}, else {@code ~/.processlab}; read now, from the system properties. */
    public static ProcessLabHome fromSystem() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return new ProcessLabHome(Path.of(p));
        }
        return new ProcessLabHome(Path.of(System.getProperty("user.home"), ".processlab"));
    }

    /** The folder of the kept runs: {@code <home>/runs} ({@link RunStore}). */
    public Path runs() {
        return dir.resolve("runs");
    }

    /**
     * The folder of the window's run logs, {@code <home>/runs/logs} ({@link RunLogs}): out of the way of the kept
     * runs, counted in their folder's size and cleared with them.
     */
    public Path runLogs() {
        return runs().resolve("logs");
    }
}
