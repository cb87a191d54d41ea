package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recent files and each file's arguments and interpreter, kept across starts. */
class ProgramStoreTest {
    @TempDir
    Path home;

    @Test
    void recentFilesAreNewestFirstAtMostTenAndKept() {
        ProgramStore s = ProgramStore.open(home);
        assertThat(s.recent()).isEmpty();
        assertThat(Files.exists(s.file())).as("nothing written until something is kept").isFalse();
        for (int i = 0; i < 12; i++) {
            s.opened(home.resolve("p" + i + ".py"));
        }
        s.opened(home.resolve("p5.py"));
        List<Path> recent = ProgramStore.open(home).recent();
        assertThat(recent).hasSize(ProgramStore.MAX_RECENT);
        assertThat(recent.get(0)).isEqualTo(home.resolve("p5.py"));
        assertThat(recent.get(1)).isEqualTo(home.resolve("p11.py"));
        assertThat(recent).doesNotContain(home.resolve("p0.py"), home.resolve("p1.py")).doesNotHaveDuplicates();

        s.forget(home.resolve("p5.py"));
        assertThat(ProgramStore.open(home).recent()).doesNotContain(home.resolve("p5.py")).hasSize(9);
    }

    @Test
    void argumentsAndInterpreterAreKeptPerFileByAbsolutePath() {
        ProgramStore s = ProgramStore.open(home);
        Path a = home.resolve("a.py");
        s.setArgs(a, List.of("a b", "7"));
        s.setPython(home.resolve("sub/../a.py"), "/opt/venv/bin/python");
        s.setArgs(home.resolve("b.py"), List.of("x"));
        ProgramStore again = ProgramStore.open(home);
        assertThat(again.of(a)).isEqualTo(new ProgramStore.FileSettings(List.of("a b", "7"), "/opt/venv/bin/python"));
        assertThat(again.of(home.resolve("b.py")).args()).containsExactly("x");
        assertThat(again.of(home.resolve("c.py"))).isEqualTo(ProgramStore.FileSettings.DEFAULT);
        again.setPython(a, "  ");
        assertThat(ProgramStore.open(home).of(a).python()).as("blank: the window's").isNull();
    }

    @Test
    void aBrokenFileIsSetAsideAndTheStoreStartsEmpty() throws Exception {
        Files.writeString(home.resolve(ProgramStore.FILE), "{ not json");
        ProgramStore s = ProgramStore.open(home);
        assertThat(s.recent()).isEmpty();
        assertThat(home.resolve(ProgramStore.FILE + ".bad")).exists();
    }
}
