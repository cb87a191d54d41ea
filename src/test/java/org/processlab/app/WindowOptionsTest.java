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
    void anythingElseIsTheCli() {
        assertThat(Main.windowArguments(new String[] {"run", "x.py"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--help"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--lessons"})).as("a value missing").isFalse();
        assertThat(Main.windowArguments(new String[] {"--lesson"})).isFalse();
        assertThat(Main.windowArguments(new String[] {"--presenter", "run"})).isFalse();
    }
}
