package org.processlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The window's own command line opens the window; anything else is the CLI's. */
class WindowOptionsTest {

    @Test
    void theWindowsOptionsOpenTheWindow() {
        assertThat(Main.windowArguments(new String[0])).isTrue();
        assertThat(Main.windowArguments(new String[] {"--lessons", "x", "--python=py"})).isTrue();
        assertThat(Main.windowArguments(new String[] {"--presenter", "--lesson", "02-first-processes"})).isTrue();
        WindowOptions o = WindowOptions.parse(List.of("--presenter", "--lesson=02-first-processes", "--lessons",
                "/l")).orElseThrow();
        assertThat(o.presenter()).isTrue();
        assertThat(o.lesson()).isEqualTo("02-first-processes");
        assertThat(o.lessons()).isEqualTo(Path.of("/l"));
        assertThat(o.python()).isNull();
    }

    @Test
    void oneProgramFileOpensTheWindowOnIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(Main.windowArguments(new String[] {"mine.py"})).isTrue();
        assertThat(Main.windowArguments(new String[] {"--presenter", "mine.pyw"})).isTrue();
        WindowOptions o = WindowOptions.parse(List.of("--lessons", "/l", "guess.py")).orElseThrow();
        assertThat(o.program()).isEqualTo(Path.of("guess.py"));
        Path script = java.nio.file.Files.writeString(dir.resolve("tool"), "#!/usr/bin/env python3\n");
        assertThat(Main.windowArguments(new String[] {script.toString()})).as("a file that is there").isTrue();
        assertThat(WindowOptions.problem(List.of("mine.py"))).isNull();

        assertThat(WindowOptions.programProblem(List.of(script.toString()))).isNull();
        assertThat(WindowOptions.programProblem(List.of(dir.resolve("gone.py").toString())))
                .hasMessage(dir.resolve("gone.py") + " does not exist.");
        Path txt = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hi");
        assertThat(WindowOptions.programProblem(List.of("--presenter", txt.toString())))
                .hasMessageStartingWith("notes.txt is not a Python program");
        assertThat(WindowOptions.programProblem(List.of("--presenter"))).isNull();
        assertThat(WindowOptions.programProblem(List.of("run", "x.py"))).as("the CLI's").isNull();
    }

    @Test
    void oneSavedRunOpensTheWindowOnIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(Main.windowArguments(new String[] {"r.json"})).isTrue();
        assertThat(Main.windowArguments(new String[] {"--presenter", "Run.JSON"})).isTrue();
        WindowOptions o = WindowOptions.parse(List.of("--lessons", "/l", "r.json")).orElseThrow();
        assertThat(o.run()).isEqualTo(Path.of("r.json"));
        assertThat(o.program()).as("a saved run is no program").isNull();
        assertThat(WindowOptions.parse(List.of("mine.py")).orElseThrow().run()).isNull();
        assertThat(WindowOptions.programProblem(List.of(dir.resolve("gone.json").toString())))
                .as("a saved run is not checked as a program").isNull();
        assertThat(WindowOptions.runProblem(List.of("--presenter", dir.resolve("gone.json").toString())))
                .isEqualTo(new org.processlab.cli.SavedRunProblem("cannot open " + dir.resolve("gone.json")
                        + ": there is no such file", "missing", 66));
        assertThat(WindowOptions.runProblem(List.of("mine.py"))).isNull();
        assertThat(WindowOptions.runProblem(List.of("show", "r.json"))).as("the CLI's").isNull();
        assertThat(Main.windowArguments(new String[] {"show"})).as("a command, even with a file of that name")
                .isFalse();
    }

    @Test
    void anythingElseIsTheCli() {
        assertThat(Main.windowArguments(new String[] {"lsit"})).as("a typo of a command").isFalse();
        assertThat(Main.windowArguments(new String[] {"run"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"a.py", "b.py"})).as("one program").isFalse();
        assertThat(Main.windowArguments(new String[] {"run", "x.py"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--help"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--lessons"})).as("a value missing").isFalse();
        assertThat(Main.windowArguments(new String[] {"--lesson"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--presenter", "run"})).isFalse();
    }
}
