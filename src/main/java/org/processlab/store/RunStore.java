package org.processlab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;

/**
 * The runs a person keeps, on disk under {@code <home>/runs/} ({@link ProcessLabHome#runs()}): one folder per key
 * ({@link RunKey#folder()}: {@code lessons/02-first-processes/}, {@code files/square.py-1a2b3c4d/}), one run document
 * per run in it ({@code 20261207-043107-123-3.json}), and {@code index.json}, which lists every kept run with what a
 * list of runs shows ({@link KeptRun}), so that listing never parses a document. The run logs ({@link RunLogs}) live
 * in {@code logs/} beside them.
 *
 * <p>The store does not write documents itself (it knows only the model): {@link #keep} names the file, a
 * {@link DocumentWriter} writes it (the run document's own writer, atomically), and the store records it, then applies
 * the {@link Retention} rule (20 runs per key, 500 MB in all, oldest first). A document that is missing or whose size
 * is not the one recorded (written half, or changed behind our back) is dropped from the list when the store opens,
 * never shown; {@link #tidy()} deletes documents the index does not list (a write cut short by a crash).
 *
 * <p>Threading: any thread. Reading the list ({@link #runs()}, {@link #runs(RunKey)}, {@link #last}) never waits: the
 * list is an immutable value behind a volatile field, replaced whole. Every change ({@link #keep}, {@link #clear},
 * {@link #tidy}) does file I/O (call it off the UI thread) and holds one lock for its whole length, shared by every
 * window of the same home (a file lock on {@code runs/.lock}), reading the index again first: windows sharing a home
 * keep their runs one at a time and never undo each other's.
 */
public final class RunStore {
    /** The index's name inside the kept runs' folder. */
    public static final String INDEX = "index.json";

    /** Writes a run document to a file. */
    @FunctionalInterface
    public interface DocumentWriter {
        /** Writes the whole document to {@code file} (whose folder exists), replacing it. */
        void write(Path file) throws IOException;
    }

    /** How much the kept runs' folder holds. */
    public record Usage(int runs, long bytes) {
    }

    private final Path dir;
    private final Retention retention;
    private final JsonFile<IndexFile> index;
    /** Guards every change to the files and to {@link #kept}. */
    /** Every kept run, oldest first; immutable; replaced whole by a change, read by any thread. */
    private volatile List<KeptRun> kept;

    /** The index as written; paths are relative to the kept runs' folder. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndexFile(int version, List<Entry> runs) {
    }

    /** One run of the index. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(RunKey.Kind kind, String name, String file, int number, String title, RunStatus status,
                 long startedAt, Integer exitCode, StopReason stoppedBy, String startMethodAsked,
                 List<String> startMethodsUsed, long bytes) {
    }

    private RunStore(Path dir, Retention retention) {
        this.dir = dir;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.index = new JsonFile<>(dir.resolve(INDEX), IndexFile.class);
    }

    /** The kept runs of ProcessLab's home folder {@code home}, with the {@link Retention#DEFAULT} rule. */
    public static RunStore open(Path home) {
        return open(home, Retention.DEFAULT);
    }

    /**
     * The kept runs of {@code home} with the rule {@code retention}: reads the index (a broken one is set aside as
     * {@code index.json.bad} and the store starts empty) and drops the runs whose document is missing or not of the
     * size recorded. Reads a small file and looks at each document's size: fast enough for any thread.
     */
    public static RunStore open(Path home, Retention retention) {
        RunStore s = new RunStore(new ProcessLabHome(home).runs(), retention);
        s.kept = s.listed(s.index.read());
        return s;
    }

    /**
     * The runs {@code f} lists whose document is there with the size recorded; when it lists others (deleted by
     * hand, by another window's Clear, or a write cut short), the index is written again without them.
     */
    private List<KeptRun> listed(IndexFile f) {
        List<KeptRun> found = new ArrayList<>();
        boolean dropped = false;
        if (f != null && f.runs() != null) {
            for (Entry e : f.runs()) {
                KeptRun k = fromEntry(e);
                if (k != null && sizeIs(k.file(), k.bytes())) {
                    found.add(k);
                } else {
                    dropped = true;
                }
            }
        }
        List<KeptRun> now = List.copyOf(found);
        if (dropped && Files.isDirectory(dir)) {
            writeIndex(now);
        }
        return now;
    }

    /**
     * Runs {@code change} as the only change to this folder's kept runs: of this JVM's stores ({@link #JVM_LOCKS}) and
     * of every other process's (a lock on {@code runs/.lock}, {@link FileChannel#lock}), with {@link #kept} read again
     * from the index first. Two windows sharing one home each keep their runs and see the other's; without it, each
     * wrote back the index as it knew it, and one window's runs (or Clear) undid the other's.
     */
    private <T> T exclusively(Change<T> change) throws IOException {
        synchronized (JVM_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object())) {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = ch.lock()) {
                kept = listed(index.read());
                return change.make();
            }
        }
    }

    /** A change to the kept runs, made by {@link #exclusively}. */
    @FunctionalInterface
    private interface Change<T> {
        T make() throws IOException;
    }

    /**
     * One monitor per kept runs' folder in this JVM: a {@link FileLock} is held by the whole JVM, so two stores of
     * one folder in one JVM (two windows, tests) must also take turns here ({@code lock} would throw
     * {@link java.nio.channels.OverlappingFileLockException}).
     */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> JVM_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean sizeIs(Path file, long bytes) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == bytes;
        } catch (IOException e) {
            return false;
        }
    }

    /** The kept runs' folder ({@code <home>/runs}; it may not exist yet). */
    public Path folder() {
        return dir;
    }

    /** The folder of the run logs ({@code <home>/runs/logs}). */
    public Path logs() {
        return dir.resolve("logs");
    }

    /** The retention rule applied after each run kept. */
    public Retention retention() {
        return retention;
    }

    /** Every kept run, oldest first. Never waits. */
    public List<KeptRun> runs() {
        return kept;
    }

    /** The kept runs of {@code key}, oldest first. Never waits. */
    public List<KeptRun> runs(RunKey key) {
        return kept.stream().filter(k -> k.key().equals(key)).toList();
    }

    /** The last run kept of {@code key}, or null. Never waits. */
    public KeptRun last(RunKey key) {
        List<KeptRun> mine = runs(key);
        return mine.isEmpty() ? null : mine.get(mine.size() - 1);
    }

    /**
     * Keeps a run of {@code key}: names its document in the key's folder, has {@code writer} write it, records it in
     * the index (with what {@code snapshot} says: title, start, exit code or stop, start methods) and applies the
     * retention rule. Blocks while another change is being made.
     *
     * @return the run kept
     * @throws IOException when the document or the index cannot be written (a document written is then deleted)
     */
    public KeptRun keep(RunKey key, RunSnapshot snapshot, DocumentWriter writer) throws IOException {
        return exclusively(() -> {
            Path folder = Files.createDirectories(dir.resolve(key.folder()));
            int number = runs(key).stream().mapToInt(KeptRun::number).max().orElse(0) + 1;
            long at = snapshot.startedAt() >= 0 ? snapshot.startedAt() : System.currentTimeMillis() * 1000;
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(at / 1_000_000,
                    (at % 1_000_000) * 1000), ZoneId.systemDefault());
            Path file = folder.resolve(FileNames.stampMillis(local) + "-" + number + ".json");
            KeptRun k;
            try {
                writer.write(file);
                k = new KeptRun(key, file, number, snapshot.title(), snapshot.status(), snapshot.startedAt(),
                        snapshot.rootStatus(), snapshot.stoppedBy(), snapshot.requestedStartMethod(),
                        snapshot.startMethods(), Files.size(file));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            List<KeptRun> all = new ArrayList<>(kept);
            all.add(k);
            List<KeptRun> drop = retention.toDrop(all);
            for (KeptRun d : drop) {
                deleteQuietly(d.file());
            }
            all.removeAll(drop);
            List<KeptRun> now = List.copyOf(all);
            if (!writeIndex(now)) {
                Files.deleteIfExists(file);
                throw new IOException("cannot write the kept runs' index " + index.path());
            }
            kept = now;
            return k;
        });
    }

    /**
     * Deletes every kept run and every run log, and the index. What cannot be deleted is left (and no longer listed).
     * Call it while no run writes its log.
     */
    public void clear() {
        try {
            exclusively(() -> {
                kept = List.of();
                for (String sub : List.of("lessons", "files", "logs")) {
                    deleteTree(dir.resolve(sub));
                }
                deleteQuietly(index.path());
                return null;
            });
        } catch (IOException e) {
            kept = List.of();   // the folder cannot even be made: nothing is kept there
        }
    }

    /**
     * Deletes the documents in the keys' folders that the index does not list (a write cut short, a temporary file
     * left by a crash) and the folders left empty. Call it off the UI thread, e.g. once at start.
     */
    public void tidy() {
        try {
            exclusively(() -> {
                tidyUnlisted();
                return null;
            });
        } catch (IOException e) {
            // what is left is tidied next time
        }
    }

    private void tidyUnlisted() {
        Set<Path> listed = new HashSet<>();
        for (KeptRun k : kept) {
            listed.add(k.file().toAbsolutePath().normalize());
        }
        for (String sub : List.of("lessons", "files")) {
            Path root = dir.resolve(sub);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isRegularFile(p) && !listed.contains(p.toAbsolutePath().normalize())) {
                        deleteQuietly(p);
                    } else if (Files.isDirectory(p) && !p.equals(root) && isEmpty(p)) {
                        deleteQuietly(p);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // what is left is tidied next time
            }
        }
    }

    /** How many runs are kept and how many bytes the whole folder holds (documents, index and run logs). Walks it. */
    public Usage usage() {
        if (Files.isDirectory(dir)) {
            try {
                exclusively(() -> null);   // another window may have kept or cleared runs meanwhile
            } catch (IOException e) {
                // the list as last read
            }
        }
        long bytes = 0;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                bytes = all.filter(Files::isRegularFile).mapToLong(RunStore::sizeOf).sum();
            } catch (IOException | UncheckedIOException e) {
                bytes = kept.stream().mapToLong(KeptRun::bytes).sum();
            }
        }
        return new Usage(kept.size(), bytes);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;   // gone meanwhile
        }
    }

    private KeptRun fromEntry(Entry e) {
        if (e == null || e.kind() == null || e.name() == null || e.file() == null) {
            return null;
        }
        Path file = dir.resolve(e.file()).normalize();
        if (!file.startsWith(dir.normalize())) {
            return null;   // an index edited to point elsewhere: not ours to show or delete
        }
        return new KeptRun(new RunKey(e.kind(), e.name()), file, e.number(), e.title(), e.status(), e.startedAt(),
                e.exitCode(), e.stoppedBy(), e.startMethodAsked(), e.startMethodsUsed(), e.bytes());
    }

    private boolean writeIndex(List<KeptRun> runs) {
        List<Entry> entries = new ArrayList<>();
        for (KeptRun k : runs) {
            entries.add(new Entry(k.key().kind(), k.key().name(), dir.relativize(k.file()).toString().replace('\\', '/'),
                    k.number(), k.title(), k.status(), k.startedAt(), k.exitCode(), k.stoppedBy(),
                    k.startMethodAsked(), k.startMethodsUsed(), k.bytes()));
        }
        return index.write(new IndexFile(1, entries), "the kept runs' index");
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(RunStore::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // what is left stays, unlisted
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left as it is: no longer listed
        }
    }
}
