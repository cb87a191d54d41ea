package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * A prompt printed without a newline comes before the error its process wrote next, as in a terminal: the line left
 * unfinished on stdout ends when the process turns to stderr. (A student tester saw "fatal: no value" before
 * "Enter value: ", in the text and in the document.)
 */
class PromptBeforeErrorCliTest {
    private static final String PROGRAM = """
            import sys
            sys.stdout.write("Enter value: ")
            sys.stdout.flush()
            raise SystemExit("fatal: no value")
            """;

    @Test
    void thePromptComesFirstInTheDocumentAndInTheText(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("prompt.py"), PROGRAM);
        for (int i = 0; i < 3; i++) {
            Report r = CliRun.json(program.toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            List<String> order = new ArrayList<>();
            for (JsonNode o : r.main().path("output")) {
                order.add(o.path("stream").asText() + ":" + o.path("text").asText());
            }
            assertThat(order).as("run %d: %s", i + 1, r.stdout())
                    .containsExactly("stdout:Enter value: ", "stderr:fatal: no value");
            assertThat(r.json().path("unfinishedLines")).isEmpty();
        }
        Report text = CliRun.exec("run", program.toString());
        String out = text.stdout();
        assertThat(out.indexOf("Enter value:")).as(out).isNotNegative().isLessThan(out.indexOf("fatal: no value"));
    }
}
