package org.processlab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's edits of the programs they change in the window, kept in {@code <home>/edits/} (one UTF-8 file per
 * {@link EditKey}: {@code lesson-02-first-processes--example.py}, {@code own-1a2b…--mine.py}), so that they survive
 * closing the window. Lesson files are never written: an edit lives here until the person resets it.
 *
 * <p>Typing calls {@link #keep} on every change (cheap: it only notes the newest text) and hands {@link #flush} to a
 * background thread; a flush writes each key's newest text once, so a burst of keys coalesces into few writes. Every
 * write goes to a temporary file moved into place, so a crash never leaves half an edit. A write that fails is told
 * on stderr and the app goes on.
 *
 * <p>Threading: any thread. {@code pending} is guarded by {@code this}; writes are serialised by {@code writing}, so
 * an older text can never land after a newer one.
 */
public final class EditsStore {
    /** The folder's name inside the home folder. */
    public static final String DIR = "edits";

    private final Path dir;
    /** Texts not written yet, by key; null: remove the edit. */
    private final Map<EditKey, String> pending = new LinkedHashMap<>();
    private final Object writing = new Object();

    private EditsStore(Path dir) {
        this.dir = dir;
    }

    /** The edits kept in {@code home} ({@code home/edits}; nothing is created until an edit is kept). */
    public static EditsStore open(Path home) {
        return new EditsStore(home.resolve(DIR));
    }

    /** The folder edits are written to. */
    public Path dir() {
        return dir;
    }

    /** The kept edit of {@code key} (its pending text, else its file's), or null when there is none. File I/O. */
    public String read(EditKey key) {
        synchronized (this) {
            if (pending.containsKey(key)) {
                return pending.get(key);
            }
        }
        Path f = dir.resolve(key.fileName());
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Notes {@code text} as the edit of {@code key} (null: there is none any more); {@link #flush} writes it. */
    public synchronized void keep(EditKey key, String text) {
        pending.remove(key);    // re-inserted last: keys are written in the order of their newest change
        pending.put(key, text);
    }

    /** True when an edit has been noted and not written yet. */
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Writes every noted edit (removes those noted as none). File I/O: call it off the UI thread. */
    public void flush() {
        synchronized (writing) {
            while (true) {
                Map.Entry<EditKey, String> next;
                synchronized (this) {
                    if (pending.isEmpty()) {
                        return;
                    }
                    var it = pending.entrySet().iterator();
                    next = it.next();
                    it.remove();
                }
                write(next.getKey(), next.getValue());
            }
        }
    }

    private void write(EditKey key, String text) {
        Path f = dir.resolve(key.fileName());
        try {
            if (text == null) {
                Files.deleteIfExists(f);
                return;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key.fileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("ProcessLab: could not save your edit of " + key.shownName() + " to " + f + ": "
                    + e.getMessage());
        }
    }
}
