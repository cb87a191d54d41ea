package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/** How the text report marks a line whose writer is not surely its process. */
class TextReportTest {
    @Test
    void aLineOfASharedChannelSaysItsProcessOrAnUntracedChildWroteIt() {
        RunModel model = new RunModel();
        model.append(new RunEvent.RunStarted(1_000_000, "t", List.of("python3", "x.py"), null));
        model.append(new RunEvent.RootSpawned(1_000_010, 51, 7));
        List<RunEvent.OutputLine> lines = List.of(
                new RunEvent.OutputLine(1_500_000, 51, Stream.STDOUT, "mine", false),
                new RunEvent.OutputLine(1_600_000, 51, Stream.STDOUT, "from system()", false, true),
                new RunEvent.OutputLine(1_700_000, 51, Stream.STDERR, "guessed", true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextReport.writeLines(model.snapshot(), lines, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Output:",
                "   0.500  MainProcess[51]        stdout mine",
                "   0.600  MainProcess[51]        stdout (or its untraced child) from system()",
                "   0.700  MainProcess[51]        stderr (untraced) guessed");
    }
}
