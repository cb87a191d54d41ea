package org.processlab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.processlab.export.RunDocumentException;
import org.processlab.export.SavedRun;

/**
 * Why a saved run cannot be opened, said the one way {@code processlab show RUN.json} and the window's
 * {@code processlab RUN.json} both say it: one sentence for a person, the kind a script reads ({@code errorKind} of the
 * JSON error document) and the sysexits.h code to answer with: 66 (EX_NOINPUT) when the file is missing, a folder or
 * unreadable; 65 (EX_DATAERR) when it is there but is no run this ProcessLab opens (newer, too large, broken).
 *
 * @param message what a person reads ({@code cannot open r.json: made by a newer ProcessLab: format 4; this one reads
 *                formats 1–3})
 * @param kind    {@code missing}, {@code newer-version}, {@code too-large} or {@code broken}
 * @param exitCode 65 or 66
 */
public record SavedRunProblem(String message, String kind, int exitCode) {

    /**
     * Reads the saved run in {@code file} to see whether it opens (the whole of it: a run that cannot be shown whole
     * is not opened at all); null when it does.
     */
    public static SavedRunProblem check(Path file) {
        try {
            SavedRun.read(file);
            return null;
        } catch (IOException e) {
            return of(file, e);
        }
    }

    /** The problem {@code e} is, met reading the saved run in {@code file}. */
    static SavedRunProblem of(Path file, IOException e) {
        String cannot = "cannot open " + file + ": ";
        if (e instanceof RunDocumentException d) {
            String kind = switch (d.kind()) {
                case NEWER_VERSION -> "newer-version";
                case TOO_LARGE -> "too-large";
                case BROKEN -> "broken";
            };
            return new SavedRunProblem(cannot + d.getMessage(), kind, RunCommand.EX_DATAERR);
        }
        String why;
        if (e instanceof NoSuchFileException) {
            why = "there is no such file";
        } else if (Files.isDirectory(file)) {
            why = "it is a folder, not a saved run";
        } else if (e instanceof AccessDeniedException) {
            why = "you may not read it (permission denied)";
        } else {
            why = "it cannot be read (" + e.getMessage() + ")";
        }
        return new SavedRunProblem(cannot + why, "missing", RunCommand.EX_NOINPUT);
    }
}
