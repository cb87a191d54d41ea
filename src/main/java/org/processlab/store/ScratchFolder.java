package org.processlab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One window's scratch folder, {@code <home>/scratch/w-<pid>-<random>/}, where a person's version of a lesson's
 * example is run from: {@link #mirror} copies the lesson's folder there (its data files and modules, which may be
 * read-only or extracted from the jar) and writes the edited program over its example, so that the program's working
 * directory, imports and data files are the lesson's. Lesson folders are never written.
 *
 * <p>Two windows never share one: each holds a lock ({@link FileChannel#lock}) on its {@code w-….lock} file beside
 * its folder while it is open, and {@link #close} removes both. A window that died (crash, kill -9) leaves them, and
 * its lock with it: {@link #open} removes every folder whose lock nobody holds.
 *
 * <p>Threading: any thread; file I/O (call it off the UI thread). {@link #mirror} and {@link #close} are
 * synchronized.
 */
public final class ScratchFolder implements AutoCloseable {
    /** The folder's name inside the home folder. */
    public static final String DIR = "scratch";

    /** A lock file younger than this is left alone by {@link #removeStale}: its window may be locking it now. */
    static final Duration YOUNG = Duration.ofSeconds(10);

    /**
     * The lock files this JVM holds. Another window of this JVM never opens them: closing any channel on a file can
     * release every lock the JVM holds on it (POSIX record locks; see {@link FileLock}).
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path root;
    /** This window's folder, its lock file's channel and the lock, once made; null before. Guarded by this. */
    private Path dir;
    private FileChannel channel;
    private FileLock lock;
    private boolean closed;

    /** The scratch folder of a window whose home is {@code home}; nothing is made until it is first used. */
    public ScratchFolder(Path home) {
        this.root = home.resolve(DIR);
    }

    /** A scratch folder in {@code home}, made now ({@link #dir()}). */
    public static ScratchFolder open(Path home) {
        ScratchFolder s = new ScratchFolder(home);
        s.dir();
        return s;
    }

    /**
     * This window's folder: on first use, removes the scratch folders no live window holds, then makes and locks
     * this one.
     *
     * @throws UncheckedIOException when the folder cannot be made or locked
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized Path dir() {
        if (closed) {
            throw new IllegalStateException("the scratch folder is closed");
        }
        if (dir != null) {
            return dir;
        }
        try {
            Files.createDirectories(root);
            removeStale(root);
            String name = "w-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            Path lockFile = root.resolve(name + ".lock");
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock = ch.lock();
            channel = ch;
            HELD_HERE.add(lockFile.toAbsolutePath().normalize());
            ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            dir = Files.createDirectory(root.resolve(name));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a scratch folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the lesson folder {@code lessonDir} to {@code <dir>/<lessonId>/} (anew: what an earlier run left there
     * goes) and writes {@code text} (UTF-8) in place of {@code file}, one of its files.
     *
     * @return the edited program's path in the copy
     * @throws UncheckedIOException when the copy cannot be made
     */
    public synchronized Path mirror(Path lessonDir, String lessonId, Path file, String text) {
        Path dir = dir();
        Path src = lessonDir.toAbsolutePath().normalize();
        Path rel = file.toAbsolutePath().normalize().startsWith(src) ? src.relativize(file.toAbsolutePath().normalize())
                : file.getFileName();
        Path copy = dir.resolve(FileNames.safe(lessonId, "lesson"));
        try {
            deleteTree(copy);
            try (Stream<Path> all = Files.walk(src)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path to = copy.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        if (!p.getFileName().toString().equals("__pycache__")) {
                            Files.createDirectories(to);
                        }
                    } else if (Files.isRegularFile(p) && !p.toString().contains("__pycache__")) {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to);
                    }
                }
            }
            Path program = copy.resolve(rel.toString());
            Files.createDirectories(program.getParent());
            Files.writeString(program, text, StandardCharsets.UTF_8);
            return program;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + src + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock and removes the folder (what a run still has open there goes too). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (dir == null) {
            return;
        }
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        try {
            deleteTree(dir);
            Files.deleteIfExists(lockFile);
            lock.release();
            channel.close();
            HELD_HERE.remove(lockFile.toAbsolutePath().normalize());
        } catch (IOException e) {
            System.err.println("ProcessLab: could not remove the scratch folder " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Removes, under {@code root}, every window folder whose {@code .lock} no process holds (and old folders with no
     * lock file at all). A lock held by this JVM (another window of it) counts as held.
     *
     * @return how many folders were removed
     */
    static int removeStale(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(root)) {
            entries = s.toList();
        }
        Instant young = Instant.now().minus(YOUNG);
        int removed = 0;
        for (Path e : entries) {
            String n = e.getFileName().toString();
            try {
                if (n.endsWith(".lock") && Files.isRegularFile(e) && olderThan(e, young) && nobodyHolds(e)) {
                    deleteTree(root.resolve(n.substring(0, n.length() - ".lock".length())));
                    Files.deleteIfExists(e);
                    removed++;
                } else if (Files.isDirectory(e) && !Files.exists(root.resolve(n + ".lock")) && olderThan(e, young)) {
                    deleteTree(e);
                    removed++;
                }
            } catch (IOException | UncheckedIOException ex) {
                // another window's, or not ours to remove: it stays
            }
        }
        return removed;
    }

    private static boolean olderThan(Path p, Instant t) throws IOException {
        FileTime m = Files.getLastModifiedTime(p);
        return m.toInstant().isBefore(t);
    }

    private static boolean nobodyHolds(Path lockFile) throws IOException {
        if (HELD_HERE.contains(lockFile.toAbsolutePath().normalize())) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
