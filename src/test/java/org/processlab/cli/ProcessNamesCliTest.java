package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * What a student tester found (issue 17), through {@code processlab run FILE} as a user runs it: a process the program
 * named is called by that name, children started in a loop into one variable are told apart, a child's
 * {@code time.sleep} is drawn as sleeping on the text timeline, and the text report's columns line up whatever the
 * names' lengths.
 */
class ProcessNamesCliTest {
    private static final String LONG = "a-child-with-a-rather-long-name-that-sleeps";

    private static final String PROGRAM = """
            import time
            from multiprocessing import Process


            def work(n):
                print("working", n)


            def nap():
                time.sleep(0.5)
                print("rested")


            if __name__ == "__main__":
                ps = [Process(target=work, args=(i,), name=f"c{i}") for i in range(2)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                for i in range(3):
                    p = Process(target=work, args=(10 + i,))
                    p.start()
                    p.join()
                sleeper = Process(target=nap, name="LONG_NAME")
                sleeper.start()
                sleeper.join()
            """.replace("LONG_NAME", LONG);

    @TempDir
    static Path dir;
    static Path program;

    @BeforeAll
    static void writeProgram() throws Exception {
        program = Files.writeString(dir.resolve("names.py"), PROGRAM);
    }

    @Test
    void theDocumentSaysWhichNameTheProgramGaveAndNumbersRepeatedLabels() {
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode c0 = r.processes().stream().filter(p -> p.path("name").asText().equals("c0")).findFirst().orElseThrow();
        assertThat(c0.path("named").asBoolean()).isTrue();
        assertThat(c0.path("label").asText()).isEqualTo("ps[0]");
        List<JsonNode> loop = r.processes().stream().filter(p -> p.path("label").asText().equals("p")).toList();
        assertThat(loop).extracting(p -> p.path("shownLabel").asText()).containsExactly("p", "p #2", "p #3");
        assertThat(loop).allSatisfy(p -> assertThat(p.path("named").asBoolean()).isFalse());
    }

    @Test
    void theTextReportCallsEachProcessByItsNameLinesUpItsColumnsAndDrawsASleep() {
        Report r = CliRun.exec("run", "--format", "text", program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.stdout().lines().toList();

        // the process table: the names the program gave, and the loop's three children told apart
        int header = indexOfLineStarting(lines, "PROCESS ");
        List<String> table = lines.subList(header, header + lines.subList(header, lines.size()).indexOf(""));
        assertThat(table).extracting(ProcessNamesCliTest::nameColumn)
                .contains("c0", "c1", LONG)
                .anyMatch(n -> n.matches("p \\(Process-\\d+\\)"))
                .anyMatch(n -> n.matches("p #2 \\(Process-\\d+\\)"))
                .anyMatch(n -> n.matches("p #3 \\(Process-\\d+\\)"));
        // every column starts where its heading does, on every row
        String heading = table.get(0);
        for (String column : List.of("ROLE", "ALIVE", "EXIT")) {
            int at = heading.indexOf(column);
            assertThat(table.subList(1, table.size())).as("column %s", column)
                    .allSatisfy(row -> assertThat(row.charAt(at - 1)).isEqualTo(' '))
                    .allSatisfy(row -> assertThat(row.charAt(at)).isNotEqualTo(' '));
        }

        // the output lines: the stream column starts at one place on every line, a long name cut before its PID
        List<String> output = lines.stream().filter(l -> l.matches(" *\\d+\\.\\d{3}  .*")).toList();
        assertThat(output).hasSize(6);
        assertThat(output).extracting(l -> l.indexOf(" stdout ")).containsOnly(output.get(0).indexOf(" stdout "));
        assertThat(output).anyMatch(l -> l.matches(" *\\d+\\.\\d{3}  c0\\[\\d+\\] +stdout working 0"));
        assertThat(output).anyMatch(l -> l.matches(" *\\d+\\.\\d{3}  a-child-with-a\\S*…\\[\\d+\\] stdout rested"));

        // the text timeline: lanes start at one column; the sleeper's half second is drawn as sleeping
        int timeline = indexOfLineStarting(lines, "TIMELINE ");
        int lanesAt = lines.get(timeline).indexOf("0 s");
        List<String> lanes = lines.subList(timeline + 1, indexOfLineStarting(lines, "legend: "));
        assertThat(lanes).hasSize(7).allSatisfy(l -> assertThat(l.charAt(lanesAt - 1)).isEqualTo(' '));
        assertThat(lines).anyMatch(l -> l.contains("= running") && l.contains("- sleeping"));
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/stat")), "the kernel's states are sampled from /proc");
        String sleeper = lanes.stream().filter(l -> l.trim().startsWith(LONG)).findFirst().orElseThrow();
        assertThat(sleeper.substring(lanesAt)).as("0.5 s of time.sleep in a lane of 60 columns").contains("---");
    }

    private static int indexOfLineStarting(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + start + "' in\n" + String.join("\n", lines));
    }

    /** The PROCESS column of a table row: what comes before its PID, unindented. */
    private static String nameColumn(String row) {
        return row.replaceFirst("\\s+\\d+\\s+\\d+\\s+(main|child|helper)\\s.*$", "").trim();
    }
}
