package org.processlab.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A lesson page: front matter facts and Markdown text (lessons/FORMAT.md).
 *
 * @param id       the folder name
 * @param dir      the folder
 * @param title    the title
 * @param order    where it sorts
 * @param source   the seed's example it is taught from, or null
 * @param example  the main program Run starts, or null for a lesson with nothing to run
 * @param more     further programs in the same lesson
 * @param predict  the question asked before the first run, or null
 * @param markdown the page body (after the front matter), CommonMark, each included file in its code block
 *                 ({@link CodeIncludes})
 * @param suggest  what the window offers after the lesson's runs (front matter {@code suggest:}), never null
 */
public record Lesson(String id, Path dir, String title, int order, String source, Example example, List<Example> more,
                     Prediction predict, String markdown, Set<Suggestion> suggest) implements LessonEntry {
    /**
     * A line of a lesson's Markdown ({@code <!-- after-run -->}) that starts the part telling what the run shows: a
     * window keeps it folded until the lesson's question has been answered and run, or skipped, so the page beside
     * the question does not give its answer away (lessons/FORMAT.md).
     */
    public static final java.util.regex.Pattern AFTER_RUN =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*<!--\\s*after-run\\s*-->[ \\t]*$");

    public Lesson {
        more = more == null ? List.of() : List.copyOf(more);
        suggest = suggest == null || suggest.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(suggest));
    }

    /** A lesson that suggests nothing. */
    public Lesson(String id, Path dir, String title, int order, String source, Example example, List<Example> more,
                  Prediction predict, String markdown) {
        this(id, dir, title, order, source, example, more, predict, markdown, Set.of());
    }

    /** True when the lesson suggests {@code s}. */
    public boolean suggests(Suggestion s) {
        return suggest.contains(s);
    }

    /** The main example first, then the others. */
    public List<Example> examples() {
        List<Example> all = new ArrayList<>();
        if (example != null) {
            all.add(example);
        }
        all.addAll(more);
        return all;
    }
}
