package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShownPathsTest {
    @TempDir
    Path cache;

    private Path lesson(String id) throws Exception {
        Path dir = Files.createDirectories(cache.resolve("lessons-1a2b").resolve(id));
        Files.writeString(dir.resolve("lesson.md"), "---\n---\n");
        return dir;
    }

    @Test
    void aLessonsCopyIsShownAsTheLessonNamesIt() throws Exception {
        Path dir = lesson("02-first-processes");
        ShownPaths paths = ShownPaths.forProgram(dir.resolve("x.py"));
        assertThat(paths.shown("  File \"" + dir + "/x.py\", line 9, in <module>"))
                .isEqualTo("  File \"lessons/02-first-processes/x.py\", line 9, in <module>");
        assertThat(paths.shown(dir + "/helpers/util.py:3: UserWarning: careful"))
                .isEqualTo("lessons/02-first-processes/helpers/util.py:3: UserWarning: careful");
    }

    @Test
    void anExampleInASubfolderFindsItsLesson() throws Exception {
        Path dir = lesson("07-queue");
        Path sub = Files.createDirectories(dir.resolve("more"));
        assertThat(ShownPaths.forProgram(sub.resolve("y.py")).shown("File \"" + sub + "/y.py\""))
                .isEqualTo("File \"lessons/07-queue/more/y.py\"");
    }

    @Test
    void aProgramOfOnesOwnKeepsItsRealPath() throws Exception {
        Path own = Files.createDirectories(cache.resolve("home/me"));
        ShownPaths paths = ShownPaths.forProgram(own.resolve("mine.py"));
        String line = "  File \"" + own + "/mine.py\", line 1";
        assertThat(paths).isSameAs(ShownPaths.AS_WRITTEN);
        assertThat(paths.shown(line)).isSameAs(line);
    }

    @Test
    void aSavedRunWhoseCopyIsGoneIsShownByItsLessonsName() {
        Path gone = cache.resolve("lessons-old/03-process-ids/ids.py");
        assertThat(ShownPaths.forSavedRun("03-process-ids", gone.toString()).shown("File \"" + gone + "\""))
                .isEqualTo("File \"lessons/03-process-ids/ids.py\"");
        assertThat(ShownPaths.forSavedRun(null, gone.toString())).isSameAs(ShownPaths.AS_WRITTEN);
    }
}
