package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.processlab.model.StartMethod;
import org.processlab.model.ProcessView;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.run.ProcFs;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;

/**
 * Every built-in lesson's every example, under every start method its lesson names, run for real and
 * checked against the lesson's own {@code expect}. Only what must hold is written there, so this never
 * flakes on what may vary.
 */
class LessonExpectationsTest {
    static Stream<Arguments> examples() {
        Path root = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        List<Arguments> out = new ArrayList<>();
        for (LessonEntry e : LessonLibrary.load(root)) {
            if (!(e instanceof Lesson lesson)) {
                out.add(Arguments.of(e.id(), null, null, null));
                continue;
            }
            for (Example ex : lesson.examples()) {
                List<String> methods = ex.startMethods().isEmpty() ? java.util.Arrays.asList((String) null) : ex.startMethods();
                for (String m : methods) {
                    out.add(Arguments.of(lesson.id() + " " + ex.file().getFileName(), lesson, ex, m));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({3})")
    @MethodSource("examples")
    void exampleMeetsItsExpectations(String name, Lesson lesson, Example example, String method) throws Exception {
        assertThat(lesson).as("lesson %s loads", name).isNotNull();
        RunModel model = new RunModel();
        RunSession session = RunSession.start(PythonTrack.spec(PythonInterpreter.locate(null), example.file(),
                example.args(), StartMethod.fromWire(method).orElse(null), lesson.title()).withTimeLimit(java.time.Duration.ofSeconds(60)), model);
        RunSnapshot end = session.ended().get();
        assertThat(end.stoppedBy()).as("the example must end by itself").isNull();
        List<String> problems = ExpectationCheck.check(example.expect(), end, model.output());
        assertThat(problems).as("%s under %s", name, method == null ? "the default start method" : method).isEmpty();
        if (method != null && !end.startMethods().isEmpty()) {
            assertThat(end.startMethods()).as("start methods used").contains(method);
        }
        for (ProcessView p : end.processes()) {
            assertThat(p.alive()).isFalse();
            assertThat(ProcFs.available() && ProcFs.isSame(p.pid(), p.key().startTicks())).as("%s left behind", p.name()).isFalse();
        }
    }
}
