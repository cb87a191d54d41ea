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

/** How the text report marks a line whose writer is not surely its process, and fits a name in its column. */
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

    @Test
    void aNameTooLongForItsColumnIsCutBeforeItsPidWhichStaysWhole() {
        assertThat(TextReport.who("MainProcess", 4_194_304)).isEqualTo("MainProcess[4194304]");
        assertThat(TextReport.who("a-rather-long-sleepy-child", 11_394)).isEqualTo("a-rather-long-…[11394]")
                .hasSize(TextReport.WHO_WIDTH);
        assertThat(TextReport.who("x".repeat(40), 1_234_567)).hasSize(TextReport.WHO_WIDTH).endsWith("…[1234567]");
        // a character outside the BMP is never cut in half
        assertThat(TextReport.who("abcdefghijklm\uD83D\uDE00xyz", 12_345)).isEqualTo("abcdefghijklm…[12345]");
    }
}
