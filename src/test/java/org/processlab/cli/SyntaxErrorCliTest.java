package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * A program that does not compile starts no process, from the CLI as from the window: the interpreter's own message at
 * its line, "Nothing was run", exit 65 — never a run whose lesson promises all fail for nothing.
 */
class SyntaxErrorCliTest {
    @TempDir
    static Path course;

    @BeforeAll
    static void writeTheCourse() throws IOException {
        Path lesson = Files.createDirectories(course.resolve("01-colon"));
        Files.writeString(lesson.resolve("lesson.md"), """
                ---
                title: A colon missing
                order: 1
                example: square.py
                expect:
                  exitCode: 0
                  lines:
                    - {text: "Square of 10: 100", who: main, count: 1}
                ---
                # A colon missing
                """);
        // line 4 lacks its colon; line 1 would print if anything ran
        Files.writeString(lesson.resolve("square.py"), """
                print("started", flush=True)


                def print_square(num)
                    print(f"Square of {num}: {num * num}")
                """);
    }

    @Test
    void aLessonWhoseExampleDoesNotCompileRunsNothingAndSaysWhere() {
        Report text = CliRun.exec("run", "--lessons", course.toString(), "1");
        assertThat(text.exit()).as("%s", text).isEqualTo(65);
        assertThat(text.stderr()).contains(course.getFileName() + "/01-colon/square.py: SyntaxError on line 4: ")
                .contains("Nothing was run.");
        assertThat(text.stdout()).as("no process printed, no promise was checked").doesNotContain("started")
                .doesNotContain("promise");

        Report json = CliRun.exec("run", "--lessons", course.toString(), "--format", "json", "1");
        assertThat(json.exit()).isEqualTo(65);
        assertThat(json.json().path("error").asText()).contains("SyntaxError on line 4").contains("Nothing was run.");
        assertThat(json.json().path("processes")).isEmpty();
    }

    @Test
    void aFileOfOnesOwnThatDoesNotCompileRunsNothingEither() {
        Path file = course.resolve("01-colon/square.py");
        Report r = CliRun.exec("run", file.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.stderr()).contains(file + ": SyntaxError on line 4: ").contains("Nothing was run.");
        assertThat(r.stdout()).doesNotContain("started");
    }
}
