package org.processlab.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Short names for processes known only by their command line; seconds; exit codes with signal names. */
class FormatsTest {
    @Test
    void shortensCommandLines() {
        assertThat(Formats.shortCommand("/root/.pyenv/versions/3.11.7/bin/python3 /tmp/l/13-x/grandchild.py 5"))
                .isEqualTo("grandchild.py 5");
        assertThat(Formats.shortCommand("/bin/sleep 30")).isEqualTo("sleep 30");
        assertThat(Formats.shortCommand("Process-1")).isEqualTo("Process-1");
        assertThat(Formats.shortCommand(null)).isEqualTo("?");
    }

    @Test
    void formatsSecondsAndExitCodes() {
        assertThat(Formats.seconds(0.0123)).isEqualTo("0.012 s");
        assertThat(Formats.seconds(12.345)).isEqualTo("12.35 s");
        assertThat(Formats.exitCode(-9)).isEqualTo("-9 SIGKILL");
        assertThat(Formats.exitCode(3)).isEqualTo("3");
        assertThat(Formats.exitCode(null)).isEmpty();
    }
}
