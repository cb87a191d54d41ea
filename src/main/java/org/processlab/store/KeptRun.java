package org.processlab.store;

import java.nio.file.Path;
import java.util.List;

import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;

/**
 * One kept run, as the kept runs' index lists it: enough to name it in a list without reading its document.
 *
 * @param key              whose run it is
 * @param file             its run document (absolute)
 * @param number           its number among its key's runs, from 1 (a key's first kept run is 1; numbers are not reused
 *                         while the key has runs)
 * @param title            what was run (a lesson's title, a file's name)
 * @param status           how the run finished ({@link RunStatus#ENDED}, or {@link RunStatus#FAILED} for one that could
 *                         not start)
 * @param startedAt        when the run began, epoch µs; -1 when unknown
 * @param exitCode         the main process's status as a shell reports it (128+N for signal N), or null
 * @param stoppedBy        why ProcessLab ended it early, or null when it ended by itself
 * @param startMethodAsked the start method asked for ({@code spawn}), or null for the interpreter's default
 * @param startMethodsUsed the start methods its children used, in order of first use (maybe empty)
 * @param bytes            the document's size in bytes
 */
public record KeptRun(RunKey key, Path file, int number, String title, RunStatus status, long startedAt,
                      Integer exitCode, StopReason stoppedBy, String startMethodAsked, List<String> startMethodsUsed,
                      long bytes) {
    /** Copies the list; a null list is empty. */
    public KeptRun {
        startMethodsUsed = startMethodsUsed == null ? List.of() : List.copyOf(startMethodsUsed);
    }

    /** The start method to name it by: the first one used, else the one asked for, else null. */
    public String startMethod() {
        return !startMethodsUsed.isEmpty() ? startMethodsUsed.get(0) : startMethodAsked;
    }
}
