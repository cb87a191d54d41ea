package org.processlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonLibrary;

/**
 * Every built-in lesson that asks a question folds what its run shows behind one {@code <!-- after-run -->} line, and
 * keeps its example's code above that line: the student reads the program before predicting, and not the answer.
 */
class AfterRunMarkerTest {
    @Test
    void everyQuestionsLessonFoldsItsOutcomeAndShowsItsCodeFirst() throws IOException {
        Path root = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        List<LessonEntry> all = LessonLibrary.load(root);
        List<Lesson> asking = all.stream().filter(e -> e instanceof Lesson l && l.predict() != null)
                .map(e -> (Lesson) e).toList();
        assertThat(asking).hasSizeGreaterThanOrEqualTo(14);
        for (Lesson l : asking) {
            String md = l.markdown();
            java.util.regex.Matcher m = Lesson.AFTER_RUN.matcher(md);
            assertThat(m.find()).as("%s has an after-run line", l.id()).isTrue();
            int at = m.start();
            assertThat(m.find()).as("%s has one after-run line", l.id()).isFalse();
            String code = Files.readString(l.example().file());
            if (MarkdownRenderer.holdsCode(md, code)) {
                assertThat(MarkdownRenderer.holdsCode(md.substring(0, at), code))
                        .as("%s shows its example's code before the after-run line", l.id()).isTrue();
            }
        }
    }
}
