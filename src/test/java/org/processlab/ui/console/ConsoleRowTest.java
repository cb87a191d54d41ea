package org.processlab.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.processlab.model.Stream;

/** The words beside a line's writer: its stream when stderr, and how sure ProcessLab is of who wrote it. */
class ConsoleRowTest {
    private static String badge(Stream stream, boolean untraced, boolean shared) {
        return ConsoleRow.line(0, 1, 51, stream, "x", untraced, shared).badge();
    }

    @Test
    void aSharedChannelsLineSaysItsProcessOrItsChildWroteIt() {
        assertThat(badge(Stream.STDOUT, false, false)).isEmpty();
        assertThat(badge(Stream.STDERR, false, false)).isEqualTo("stderr");
        assertThat(badge(Stream.STDOUT, true, false)).isEqualTo("untraced");
        assertThat(badge(Stream.STDERR, true, false)).isEqualTo("stderr \u00b7 untraced");
        assertThat(badge(Stream.STDOUT, false, true)).isEqualTo("or its child");
        assertThat(badge(Stream.STDERR, false, true)).isEqualTo("stderr \u00b7 or its child");
    }
}
