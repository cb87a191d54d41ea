package org.processlab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import org.processlab.model.OutputLog;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;

/**
 * A finished run that can be shown again, written and compared: its last snapshot, its output and what was run. On
 * disk it is its {@link RunDocument} ({@code .json}, the document {@code processlab run --format json} prints).
 *
 * <p>What a run read back is: {@link #read} after {@link #write} gives a snapshot equal to the one written in every
 * component but {@link RunSnapshot#version()} (a run read back has a negative version, fixed for that run: every
 * reading of it gives the same, another run another, and no live run has it), and an output with the same lines in the same order (text, time, PID, stream, untraced). A document of
 * format 1 gives what {@link DocumentToRun} says.
 *
 * <p>Immutable (its output is complete and never appended to again); any thread.
 *
 * @param snapshot the run at its end ({@link RunSnapshot#status()} ended or failed)
 * @param output   every line of its output
 * @param origin       what was run
 * @param expectations a lesson's expectations checked against the run, as its document holds them, or null when none
 *                     were ({@link RunDocument#expectations()})
 */
public record SavedRun(RunSnapshot snapshot, OutputLog output, RunOrigin origin,
                       RunDocument.Expectations expectations) {
    public SavedRun {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(origin, "origin");
    }

    /** A saved run without expectations checked. */
    public SavedRun(RunSnapshot snapshot, OutputLog output, RunOrigin origin) {
        this(snapshot, output, origin, null);
    }

    /**
     * The run {@code model} holds, which has ended: its snapshot now and its output log (shared, not copied).
     *
     * @throws IllegalStateException when the run has not ended (ended or failed)
     */
    public static SavedRun of(RunModel model, RunOrigin origin) {
        RunSnapshot s = model.snapshot();
        if (!s.status().finished()) {
            throw new IllegalStateException("the run has not ended yet (" + s.status() + ")");
        }
        return new SavedRun(s, model.output(), origin);
    }

    /**
     * Reads the run saved in {@code file}, streamed (one line at a time, never a tree of the whole document), checked
     * whole before it is returned.
     *
     * @throws RunDocumentException when {@code file} is not a run document this ProcessLab reads ({@link
     *                              RunDocumentException#kind()}: newer, too large or broken), or the run in it had not
     *                              ended when it was saved (broken)
     * @throws IOException          when the file cannot be read (missing: {@link java.nio.file.NoSuchFileException})
     */
    public static SavedRun read(Path file) throws IOException {
        return of(RunDocumentReader.read(file));
    }

    /**
     * The run of a document read with {@link RunDocumentReader}.
     *
     * @throws RunDocumentException when its lines do not fit together, or its run had not ended
     */
    public static SavedRun of(RunDocument doc) throws RunDocumentException {
        if (doc.status() != null && !doc.status().finished()) {
            throw new RunDocumentException("the run had not ended when it was saved (its status is "
                    + DocumentNames.status(doc.status()) + "): only a whole run opens", "status", -1, -1, null);
        }
        long start = DocumentToRun.start(doc);
        OutputLog output = DocumentToRun.output(doc, start);
        return new SavedRun(DocumentToRun.snapshot(doc, output, start), output, doc.origin(), doc.expectations());
    }

    /**
     * Writes this run to {@code file} in the current format, atomically: into a new file in the same folder first,
     * then moved over {@code file}, so a reader never sees half of it and a failed write leaves {@code file} as it was.
     * Lines whose text the window's bounded output let go from memory ({@link OutputLog#DROPPED}) are written with
     * their text from its run log file ({@link OutputLog#logFile()}), when it holds them all.
     *
     * @throws IOException when the folder cannot be written to (the temporary file is removed)
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        // a new file of a name no one else uses, made with the permissions any new file gets (a temporary file's
        // are the owner's only)
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16);
                 LoggedTexts logged = LoggedTexts.of(output, writers())) {
                RunDocumentWriter.write(RunDocument.of(snapshot, output, origin, expectations, logged), out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The PIDs that wrote this run's output: its processes, and 0 (output before main was known). */
    private java.util.List<Long> writers() {
        java.util.List<Long> pids = new java.util.ArrayList<>();
        pids.add(0L);
        for (org.processlab.model.ProcessView p : snapshot.processes()) {
            pids.add(p.pid());
        }
        return pids;
    }

    /**
     * The document of this run, in the current format; its lines are views of {@link #output}, made as they are read
     * (a line whose text a bounded output let go has {@link OutputLog#DROPPED}: {@link #write} reads it back).
     */
    public RunDocument document() {
        return RunDocument.of(snapshot, output, origin, expectations);
    }
}
