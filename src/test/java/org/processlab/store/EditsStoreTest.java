package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditsStoreTest {
    @TempDir
    Path home;

    private static final EditKey TWO = new EditKey.LessonExample("02-first-processes", "multiprocessing_s1_e1.py");

    @Test
    void anEditIsThereAfterARestartAndNothingIsWrittenBeforeOne() {
        EditsStore s = EditsStore.open(home);
        assertThat(s.read(TWO)).isNull();
        s.flush();
        assertThat(s.dir()).doesNotExist();

        s.keep(TWO, "print('mine')\n");
        assertThat(s.read(TWO)).as("a noted edit reads back before it is written").isEqualTo("print('mine')\n");
        s.flush();
        assertThat(EditsStore.open(home).read(TWO)).isEqualTo("print('mine')\n");
    }

    @Test
    void aBurstOfKeysIsWrittenOnceWithTheNewestText() throws Exception {
        EditsStore s = EditsStore.open(home);
        for (int i = 0; i < 50; i++) {
            s.keep(TWO, "x = " + i + "\n");
        }
        s.flush();
        assertThat(EditsStore.open(home).read(TWO)).isEqualTo("x = 49\n");
        try (Stream<Path> files = Files.list(s.dir())) {
            assertThat(files).as("one file, no temporary left").hasSize(1);
        }
    }

    @Test
    void anEditNotedAsNoneIsRemoved() {
        EditsStore s = EditsStore.open(home);
        s.keep(TWO, "mine\n");
        s.flush();
        s.keep(TWO, null);
        s.flush();
        assertThat(EditsStore.open(home).read(TWO)).isNull();
        assertThat(s.dir().resolve(TWO.fileName())).doesNotExist();
    }

    @Test
    void examplesOfLessonsAndOwnProgramsAreKeptApart() {
        EditsStore s = EditsStore.open(home);
        EditKey other = new EditKey.LessonExample("03-process-ids", "multiprocessing_s1_e1.py");
        EditKey mineHere = new EditKey.OwnFile(home.resolve("a/mine.py"));
        EditKey mineThere = new EditKey.OwnFile(home.resolve("b/mine.py"));
        s.keep(TWO, "two");
        s.keep(other, "three");
        s.keep(mineHere, "here");
        s.keep(mineThere, "there");
        s.flush();
        EditsStore again = EditsStore.open(home);
        assertThat(again.read(TWO)).isEqualTo("two");
        assertThat(again.read(other)).isEqualTo("three");
        assertThat(again.read(mineHere)).isEqualTo("here");
        assertThat(again.read(mineThere)).isEqualTo("there");
        assertThat(mineHere.fileName()).matches("own-[0-9a-f]{16}--mine\\.py");
        assertThat(TWO.fileName()).isEqualTo("lesson-02-first-processes--multiprocessing_s1_e1.py");
    }

    @Test
    void unicodeTextComesBackAsTyped() {
        EditsStore s = EditsStore.open(home);
        s.keep(TWO, "print('été 漢字 \uD83D\uDE00')\r\n");
        s.flush();
        assertThat(EditsStore.open(home).read(TWO)).isEqualTo("print('été 漢字 \uD83D\uDE00')\r\n");
    }
}
