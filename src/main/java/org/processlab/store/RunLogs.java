package org.processlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The window's run logs: every output line of a run, in {@code <home>/runs/<time stamp>-<lesson id>.log} (the
 * model's bounded output log writes them; see {@link org.processlab.model.OutputLog#bounded}). Only the newest
 * {@link #KEEP} are kept. They live in {@code <home>/runs/logs} ({@link ProcessLabHome#runLogs()}); logs written
 * by earlier versions straight into {@code <home>/runs} are moved there ({@link #adopt}).
 *
 * <p>Threading: immutable; {@link #prune} does file I/O (call it off the UI thread).
 *
 * @param dir the folder of the logs ({@link ProcessLabHome#runLogs()})
 */
public record RunLogs(Path dir) {
    /** Run logs kept; older ones are deleted when a run starts. */
    public static final int KEEP = 100;

    /** {@code <dir>/20261130-072953-123-03-process-ids.log}: the log of a run of lesson {@code lessonId} begun {@code at}. */
    public Path fileFor(String lessonId, LocalDateTime at) {
        return dir.resolve(FileNames.stampMillis(at) + "-" + FileNames.safe(lessonId, "run") + ".log");
    }

    /**
     * Moves the run logs ({@code *.log}) that earlier versions wrote into {@code oldFolder} into this folder, where the
     * newest {@link #KEEP} are kept; a log that cannot be moved stays where it is.
     *
     * @return how many logs were moved
     */
    public int adopt(Path oldFolder) {
        List<Path> old;
        try (Stream<Path> files = Files.list(oldFolder)) {
            old = files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f)).toList();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int moved = 0;
        for (Path f : old) {
            try {
                Files.createDirectories(dir);
                Files.move(f, dir.resolve(f.getFileName()));
                moved++;
            } catch (IOException | RuntimeException e) {
                // this one stays
            }
        }
        return moved;
    }

    /**
     * Deletes all but the newest {@code keep} logs (by name, which starts with the time stamp). A folder that is
     * missing or cannot be read, or a file that cannot be deleted, is left as it is: nothing else depends on it.
     *
     * @return how many logs were deleted
     */
    public int prune(int keep) {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int deleted = 0;
        for (int i = 0; i < logs.size() - keep; i++) {
            try {
                if (Files.deleteIfExists(logs.get(i))) {
                    deleted++;
                }
            } catch (IOException | RuntimeException e) {
                // this one stays
            }
        }
        return deleted;
    }
}
