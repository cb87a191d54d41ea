package org.processlab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.export.RunOrigin;
import org.processlab.export.SavedRun;
import org.processlab.model.RunModel;
import org.processlab.model.StartMethod;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;

/** Real runs (the engine, real processes) compared: the differences that are there, and none that are not. */
class RunComparisonRealRunsTest {
    @TempDir
    Path dir;

    private static SavedRun run(Path program, StartMethod method) throws Exception {
        RunModel model = new RunModel();
        RunSession session = RunSession.start(PythonTrack.spec(PythonInterpreter.locate(null), program, List.of(),
                method, program.getFileName().toString()).withTimeLimit(Duration.ofSeconds(60)), model);
        assertThat(session.ended().get().stoppedBy()).as("the program ends by itself").isNull();
        return SavedRun.of(model, RunOrigin.NONE);
    }

    private static Path lesson14OneChild() {
        return Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons/14-start-methods/default_method.py");
    }

    @Test
    void spawnBringsTheResourceTrackerForkDoesNot() throws Exception {
        RunComparison c = RunComparison.of(run(lesson14OneChild(), StartMethod.FORK),
                run(lesson14OneChild(), StartMethod.SPAWN));

        assertThat(c.onlyIn(Side.A)).isEmpty();
        assertThat(c.onlyIn(Side.B)).singleElement()
                .satisfies(r -> assertThat(r.b().helperKind()).isEqualTo("resource_tracker"));
        ProcessPair child = c.rows().stream().filter(r -> "child".equals(r.name())).findFirst().orElseThrow();
        assertThat(child.a().startMethod()).isEqualTo("fork");
        assertThat(child.b().startMethod()).isEqualTo("spawn");
        assertThat(child.ratio()).as("a spawned child loads a whole new Python").isNotNull();
        assertThat(c.exitDifferences()).isEmpty();
        // main prints before and after the child, the child in between: the same order under both
        assertThat(c.orderDifferences()).isEmpty();
        assertThat(c.linesCompared()).isEqualTo(3);
    }

    @Test
    void theSameProgramInAFixedOrderTwiceHasNoOrderDifference() throws Exception {
        Path p = Files.writeString(dir.resolve("in_turn.py"), """
                import multiprocessing


                def say(word):
                    print(word)


                if __name__ == "__main__":
                    for word in ["first", "second", "third"]:
                        c = multiprocessing.Process(target=say, args=(word,))
                        c.start()
                        c.join()
                    print("Done!")
                """);
        RunComparison c = RunComparison.of(run(p, StartMethod.FORK), run(p, StartMethod.FORK));

        assertThat(c.sameButTimes()).isTrue();
        assertThat(c.linesCompared()).isEqualTo(4);
    }

    @Test
    void whicheverChildWaitsBeforeItsPrintChangesTheOrder() throws Exception {
        RunComparison c = RunComparison.of(run(lesson2(dir, "print_cube"), StartMethod.FORK),
                run(lesson2(dir, "print_square"), StartMethod.FORK));

        assertThat(c.orderDifferences()).singleElement().satisfies(d -> assertThat(d.sentence()).isEqualTo(
                "in A p1 printed 'Square of 10: 100' before p2 printed 'Cube of 10: 1000'; in B after"));
    }

    /** Lesson 2's program where {@code slower} sleeps 0.5 s before it prints. */
    private static Path lesson2(Path dir, String slower) throws Exception {
        Path repo = Path.of(System.getProperty("processlab.repo", "."));
        String code = Files.readString(repo.resolve("lessons/02-first-processes/multiprocessing_s1_e1.py"))
                .replace("import multiprocessing", "import multiprocessing\nimport time")
                .replace("def " + slower + "(num):\n", "def " + slower + "(num):\n    time.sleep(0.5)\n");
        assertThat(code).contains("time.sleep(0.5)");
        return Files.writeString(dir.resolve(slower + "_waits.py"), code);
    }
}
