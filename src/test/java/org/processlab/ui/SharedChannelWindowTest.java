package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.ui.console.ConsoleRow;

/**
 * Issue 16, as a person sees it: a line written by a child the tracer could not follow (a C-level {@code fork}, which
 * shares its parent's output channel) is on its parent's lane and says so in the console: "or its child" beside the
 * name, and a tooltip that says "from main or one of its untraced children". A line main wrote once the child was
 * gone has no mark.
 */
class SharedChannelWindowTest extends WindowTest {
    private static final String PROGRAM = """
            import ctypes
            import os
            import time

            libc = ctypes.CDLL(None)
            print("main, before the C fork", flush=True)
            pid = libc.fork()                 # below Python: no fork hook, no channel of its own
            if pid == 0:
                time.sleep(0.2)
                os.write(1, b"from a C-level fork\\n")
                time.sleep(0.2)
                libc._exit(0)
            os.waitpid(pid, 0)
            print("main, after the C fork", flush=True)
            """;

    @TempDir
    java.nio.file.Path lessons;

    private ConsoleRow row(String text) {
        return app.fx(() -> app.vm().run().console().shownRows().stream().filter(r -> r.text().equals(text))
                .findFirst().orElse(null));
    }

    @Test
    void aLineOfASharedChannelSaysItsProcessOrAnUntracedChildWroteIt() throws Exception {
        AppDriver.writeLesson(lessons, "01-c-fork", "A C-level fork", "c_fork.py", PROGRAM);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        app.waitFor("main's last line in the console", Duration.ofSeconds(60),
                () -> row("main, after the C fork") != null);
        app.waitForRunShown();
        ConsoleRow shared = row("from a C-level fork");
        ConsoleRow mine = row("main, after the C fork");
        assertThat(shared).as("the fork's line").isNotNull();
        assertThat(shared.shared()).as("two live processes held the channel").isTrue();
        assertThat(shared.pid()).as("on its parent's lane").isEqualTo(mine.pid());
        assertThat(shared.badge()).isEqualTo("or its child");
        assertThat(mine.shared()).isFalse();
        List<String> badges = app.fx(() -> app.robot.lookup("#console .console-badge").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList());
        assertThat(badges).as("shown beside the name").contains("or its child");
        app.screenshot("shared-channel-console");
        app.nodeScreenshot(app.robot.lookup("#console").query(), "shared-channel-console-list");
    }
}
