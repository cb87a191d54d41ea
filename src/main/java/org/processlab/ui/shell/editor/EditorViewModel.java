package org.processlab.ui.shell.editor;

import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.processlab.run.SyntaxProblem;
import org.processlab.store.EditKey;
import org.processlab.store.EditsStore;
import org.processlab.ui.fx.TaskExecutor;

/**
 * The code editor's state: what is being edited ({@link #keyProperty()}: a lesson's example, or a person's own
 * program), its text as the person has it ({@link #textProperty()}), the text it started from (the lesson's, or the
 * file's on disk: {@link #originalProperty()}), whether they differ, and the syntax problem the last Run found.
 *
 * <p>Edits are kept: every change the person types ({@link #typed}) is noted in the {@link EditsStore} and written
 * in the background, one write at a time (keys typed during a write go with the next: coalesced); an edit that comes back to the original text is removed. Showing a program again
 * ({@link #show}) brings its kept edit back, read in the background.
 *
 * <p>Threading: UI thread only (the FX thread in the window); every field is written there. No toolkit needed.
 */
public final class EditorViewModel {
    private final EditsStore edits;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<EditKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper original = new ReadOnlyStringWrapper(this, "original", "");
    private final ReadOnlyObjectWrapper<SyntaxProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** Grows with every {@link #show}, so that a kept edit read for an older program is dropped. */
    private int shown;
    /** True while a write of the kept edits is on its way: keys typed meanwhile are written by the next one. */
    private boolean writing;
    private final BooleanBinding differs;
    private final StringBinding title;
    private final StringBinding mark;

    /**
     * @param edits where edits are kept
     * @param tasks where they are read and written
     */
    public EditorViewModel(EditsStore edits, TaskExecutor tasks) {
        this.edits = edits;
        this.tasks = tasks;
        differs = Bindings.createBooleanBinding(() -> key.get() != null && !text.get().equals(original.get()),
                key, text, original);
        title = Bindings.createStringBinding(() -> key.get() == null ? "Code" : "Code — " + key.get().shownName(),
                key);
        mark = Bindings.createStringBinding(() -> !differs.get() ? ""
                        : key.get() instanceof EditKey.OwnFile f ? "Not saved — Run saves it to " + f.shownName()
                        : "Your version — differs from the lesson's",
                differs, key);
    }

    /**
     * Shows {@code original}, the text of {@code file}, to edit as {@code k} — or the person's kept edit of it, once
     * read. The undo history starts afresh (the view forgets it when the key changes).
     */
    public void show(EditKey k, Path file, String original) {
        int at = ++shown;
        this.key.set(null);
        this.original.set(Objects.requireNonNullElse(original, ""));
        this.text.set(this.original.get());
        this.file.set(file);
        this.problem.set(null);
        this.key.set(k);
        if (k == null) {
            return;
        }
        tasks.run(() -> edits.read(k), kept -> {
            // typing before the kept edit came back wins: the person has it in front of them
            if (at == shown && kept != null && text.get().equals(this.original.get())) {
                text.set(kept);
            }
        }, ex -> { });
    }

    /** Shows nothing (no example chosen). */
    public void clear() {
        show(null, null, "");
    }

    /** The person changed the text to {@code now}: kept, or removed when it is the original again. */
    public void typed(String now) {
        if (now == null || now.equals(text.get())) {
            return;
        }
        text.set(now);
        keep();
    }

    /** Brings back the original text (the lesson's, or the file's on disk) and forgets the kept edit. */
    public void reset() {
        if (key.get() == null) {
            return;
        }
        problem.set(null);
        text.set(original.get());
        keep();
    }

    /**
     * The editor's text is now the file's on disk ({@code onDisk}, written by Run for a person's own program): it is
     * the original from now on, and no edit is kept.
     */
    public void saved(String onDisk) {
        original.set(onDisk);
        keep();
    }

    /** Marks {@code p} (found by the last Run's check) in the editor; null clears it. */
    public void showProblem(SyntaxProblem p) {
        problem.set(p);
    }

    /** Writes what is not written yet, now (the window is closing). */
    public void flush() {
        edits.flush();
    }

    private void keep() {
        EditKey k = key.get();
        if (k != null) {
            edits.keep(k, differs.get() ? text.get() : null);
            writeSoon();
        }
    }

    /**
     * Writes the noted edits in the background, one write at a time: what is typed while one is on its way is noted
     * and goes with the next, so a fast typist's burst of keys becomes few writes.
     */
    private void writeSoon() {
        if (writing) {
            return;
        }
        writing = true;
        tasks.run(() -> {
            edits.flush();
            return null;
        }, done -> wrote(), failed -> wrote());
    }

    private void wrote() {
        writing = false;
        if (edits.hasPending()) {
            writeSoon();
        }
    }

    // ------------------------------------------------------------------ what the view and Run read

    /** What is being edited, or null. */
    public ReadOnlyObjectProperty<EditKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** The file being edited (a lesson's example, or the person's program), or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The text as the person has it. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The text it started from: the lesson's, or the file's on disk. */
    public ReadOnlyStringProperty originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** True when the text differs from the original. */
    public BooleanBinding differsProperty() {
        return differs;
    }

    /** True when the text differs from the original. */
    public boolean differs() {
        return differs.get();
    }

    /** The editor's tab title: {@code Code — example.py}. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The mark that the code differs ({@code Your version — differs from the lesson's}); empty when it does not. */
    public StringBinding markProperty() {
        return mark;
    }

    /** Where the last Run's check found the program does not compile, or null. */
    public ReadOnlyObjectProperty<SyntaxProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
