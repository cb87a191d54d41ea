package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * What a student's terminal would show, through {@code processlab run} with real programs: a progress bar drawn with
 * carriage returns is one line with its last text, colour codes are not printed to a pipe (the document keeps them),
 * and a traceback from a lesson names the lesson's file as {@code lessons/<id>/…}.
 */
class TerminalTextCliTest {
    /** A course of one lesson whose example's child and main each raise. */
    @TempDir
    static Path course;

    private static final String BAR = """
            import time
            for i in range(0, 101, 5):
                print(f"\\rcopying {i:3d}%", end="", flush=True)
            print()
            for step in ("one", "two", "three"):
                print(step, end="\\r", flush=True)
            print("done ")
            """;

    private static final String COLOURS = """
            print("\\x1b[31mred\\x1b[0m and \\x1b[1;32mbold green\\x1b[0m")
            print("\\x1b]0;a title\\x07titled")
            """;

    private static final String BOOM = """
            import multiprocessing as mp


            def work(n):
                raise ValueError(f"bad {n}")


            if __name__ == "__main__":
                p = mp.Process(target=work, args=(1,))
                p.start()
                p.join()
                work(2)
            """;

    @BeforeAll
    static void writeTheCourse() throws IOException {
        Path lesson = Files.createDirectories(course.resolve("05-boom"));
        Files.writeString(lesson.resolve("lesson.md"), """
                ---
                title: Boom
                order: 5
                example: boom.py
                ---
                # Boom
                """);
        Files.writeString(lesson.resolve("boom.py"), BOOM);
    }

    @Test
    void aProgressBarIsOneLineWithItsLastTextInTheDocumentAndTheTextReport(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("bar.py"), BAR);
        Report json = CliRun.json(program.toString());
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(Report.lines(json.main(), "stdout")).as(json.stdout()).containsExactly("copying 100%", "done ");

        Report text = CliRun.exec("run", program.toString());
        assertThat(text.exit()).as(text.toString()).isZero();
        List<String> out = text.stdout().lines().toList();
        assertThat(text.stdout()).as("no carriage return reaches a pipe").doesNotContain("\r");
        assertThat(out).as(text.stdout()).filteredOn(l -> l.contains("copying")).hasSize(1)
                .allMatch(l -> l.endsWith("stdout copying 100%"));
        assertThat(out).as(text.stdout()).filteredOn(l -> l.matches(".*stdout (one|two|three|done) *")).hasSize(1)
                .allMatch(l -> l.endsWith("stdout done "));
    }

    @Test
    void aChildsBarLeftAtACarriageReturnEndsWhereTheChildEndsBeforeItsParentsNextLine(@TempDir Path dir)
            throws Exception {
        Path program = Files.writeString(dir.resolve("child_bar.py"), """
                import multiprocessing as mp


                def child():
                    for i in range(1, 4):
                        print(f"{i}/3", end="\\r", flush=True)


                if __name__ == "__main__":
                    p = mp.Process(target=child)
                    p.start()
                    p.join()
                    print("after", flush=True)
                """);
        Report json = CliRun.json(program.toString());
        assertThat(json.exit()).as(json.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode child = json.byTarget("child");
        assertThat(Report.lines(child, "stdout")).as(json.stdout()).containsExactly("3/3");
        long bar = child.path("output").get(0).path("n").asLong();
        long after = json.main().path("output").get(0).path("n").asLong();
        assertThat(bar).as("the child's line ends with its channel, not at the run's end: " + json.stdout())
                .isLessThan(after);
    }

    @Test
    void colourCodesAreNotPrintedToAPipeButTheDocumentKeepsThem(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("colours.py"), COLOURS);
        Report text = CliRun.exec("run", program.toString());
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.stdout()).doesNotContain("\u001b").contains("stdout red and bold green\n", "stdout titled\n");

        Report json = CliRun.json(program.toString());
        assertThat(Report.lines(json.main(), "stdout"))
                .containsExactly("\u001b[31mred\u001b[0m and \u001b[1;32mbold green\u001b[0m", "\u001b]0;a title\u0007titled");
    }

    @Test
    void aTracebackFromALessonNamesTheLessonsFileAndTheDocumentKeepsTheRealPath() {
        Report text = CliRun.exec("run", "--lessons", course.toString(), "5");
        assertThat(text.exit()).as(text.toString()).isEqualTo(1);
        String real = course.resolve("05-boom").toAbsolutePath() + "/";
        assertThat(text.stdout()).as(text.stdout()).doesNotContain(real)
                .contains("stderr   File \"lessons/05-boom/boom.py\", line 5, in work")
                .contains("stderr   File \"lessons/05-boom/boom.py\", line 12, in <module>");

        Report json = CliRun.exec("run", "--format", "json", "--lessons", course.toString(), "5");
        assertThat(Report.lines(json.main(), "stderr")).as(json.stdout())
                .contains("  File \"" + real + "boom.py\", line 12, in <module>");
    }
}
