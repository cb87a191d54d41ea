package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.StartMethod;
import org.processlab.model.Stream;

/** The prediction checked against a run, and the sentence that sums the run up; runs made of events. */
class RevealTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MAIN = 4242;
    private static final long CHILD = 4243;
    private static final Prediction ORDER = new Prediction("Which line comes last?",
            List.of("hello", "bye"), 1, "main waits for its child");

    /** main starts a child (fork) that prints "hello", joins it, prints "bye" and ends with {@code status}. */
    private static RunModel run(int status) {
        RunModel m = new RunModel();
        m.append(new RunEvent.RunStarted(T0, "t", List.of("python3", "t.py"), null));
        m.append(new RunEvent.RootSpawned(T0 + 10, MAIN, 1));
        m.append(new RunEvent.ProcessSeen(T0 + 20, MAIN, 1, 1, -1, "python3 t.py", true));
        m.append(new RunEvent.ChildMade(T0 + 30, MAIN, 1, "Process-1", "work", "()"));
        m.append(new RunEvent.ChildStarted(T0 + 40, T0 + 50, MAIN, CHILD, "Process-1", "p", "work", "()", "fork",
                false, 1));
        m.append(new RunEvent.ProcessSeen(T0 + 60, CHILD, MAIN, 2, -1, "python3 t.py", true));
        m.append(new RunEvent.OutputLine(T0 + 70, CHILD, Stream.STDOUT, "hello", false));
        m.append(new RunEvent.JoinBegan(T0 + 80, MAIN, CHILD, null));
        m.append(new RunEvent.Exiting(T0 + 90, CHILD, 0));
        m.append(new RunEvent.Reaped(T0 + 100, MAIN, CHILD, 0, 0));
        m.append(new RunEvent.JoinEnded(T0 + 110, MAIN, CHILD, false, 0));
        m.append(new RunEvent.OutputLine(T0 + 120, MAIN, Stream.STDOUT, "bye", false));
        m.append(new RunEvent.Exiting(T0 + 130, MAIN, status));
        m.append(new RunEvent.Reaped(T0 + 140, 1, MAIN, status, status << 8));
        m.append(new RunEvent.RunEnded(T0 + 150, status));
        return m;
    }

    private static Example example(Expectation expect) {
        return new Example("t", Path.of("/t.py"), List.of(), List.of(StartMethod.FORK), expect);
    }

    @Test
    void theSummarySaysWhoRanHowItEndedAndTheLineWrittenLast() {
        RunModel m = run(0);
        String s = RunSummary.of(m.snapshot(), m.output());
        assertThat(s).startsWith("main + 1 child ran (start method: fork); the program's exit status was 0; 2 lines "
                + "of output, the last one \"bye\" from ").endsWith(".");
    }

    @Test
    void theRightAnswerIsRightAndAWrongOneIsNot() {
        RunModel m = run(0);
        Reveal right = Reveal.after(m.snapshot(), m.output(), example(null), ORDER, 1).orElseThrow();
        assertThat(right.question()).isEqualTo("Which line comes last?");
        assertThat(right.chosen()).isEqualTo("bye");
        assertThat(right.answer()).isEqualTo("bye");
        assertThat(right.right()).isTrue();
        assertThat(right.explain()).isEqualTo("main waits for its child");
        assertThat(right.checked()).as("no expectations to check").isFalse();
        assertThat(right.summary()).isEqualTo(RunSummary.of(m.snapshot(), m.output()));

        Reveal wrong = Reveal.after(m.snapshot(), m.output(), example(null), ORDER, 0).orElseThrow();
        assertThat(wrong.right()).isFalse();
        assertThat(wrong.chosen()).isEqualTo("hello");
        Reveal skipped = Reveal.after(m.snapshot(), m.output(), example(null), ORDER, -1).orElseThrow();
        assertThat(skipped.chosen()).isNull();
        assertThat(skipped.right()).isFalse();
    }

    @Test
    void expectationsAreCheckedAndWhatDidNotHoldIsSaid() {
        RunModel m = run(3);
        Expectation expect = new Expectation(0, Map.of("main", 1, "child", 1), null, null, null, null, null);
        Reveal r = Reveal.after(m.snapshot(), m.output(), example(expect), null, -2).orElseThrow();
        assertThat(r.question()).isNull();
        assertThat(r.checked()).isTrue();
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.summary()).contains("the program's exit status was 3");
    }

    @Test
    void eachPromiseIsSaidHeldOrNotAndWhatDidNotHoldIsWhatTheRevealSays() {
        RunModel m = run(3);
        Expectation expect = new Expectation(0, Map.of("main", 1, "child", 2), Map.of("helper", 0),
                List.of(new Expectation.ExitCodeRule("child", 0)),
                List.of(new Expectation.LineRule("bye", null, "main", 1, null),
                        new Expectation.LineRule(null, "h.*o", "child", null, "stderr"),
                        new Expectation.LineRule("Traceback (most recent call last):", null, null, 0, null)),
                List.of(List.of("hello", "bye"), List.of("bye", "hello")), null);
        List<ExpectationResult> results = ExpectationCheck.results(expect, m.snapshot(), m.output());
        assertThat(results).extracting(ExpectationResult::promise, ExpectationResult::held).containsExactly(
                org.assertj.core.groups.Tuple.tuple("the program's exit status is 0", false),
                org.assertj.core.groups.Tuple.tuple("2 child process(es)", false),
                org.assertj.core.groups.Tuple.tuple("1 main process(es)", true),
                org.assertj.core.groups.Tuple.tuple("at least 0 helper process(es)", true),
                org.assertj.core.groups.Tuple.tuple("every process matching 'child' ends with exit code 0", true),
                org.assertj.core.groups.Tuple.tuple("line \"bye\" from main: exactly 1", true),
                org.assertj.core.groups.Tuple.tuple("line /h.*o/ from child on stderr: at least 1", false),
                org.assertj.core.groups.Tuple.tuple("line \"Traceback (most recent call last):\": never", true),
                org.assertj.core.groups.Tuple.tuple("\"hello\" before \"bye\"", true),
                org.assertj.core.groups.Tuple.tuple("\"bye\" before \"hello\"", false));
        assertThat(results.get(0).problems()).containsExactly("the program's exit status was 3, expected 0");
        assertThat(results.get(6).problems()).containsExactly("line /h.*o/ from child: expected at least 1, found 0");

        Reveal r = Reveal.after(m.snapshot(), m.output(), example(expect), null, -2).orElseThrow();
        assertThat(r.problems()).as("the window's words, in the same order").containsExactlyElementsOf(
                results.stream().flatMap(x -> x.problems().stream()).toList());
        assertThat(ExpectationCheck.check(expect, m.snapshot(), m.output())).isEqualTo(r.problems());
        assertThat(ExpectationCheck.whyNotChecked(m.snapshot())).isNull();
    }

    @Test
    void aRunStoppedBeforeItEndedByItselfIsNotChecked() {
        RunModel m = new RunModel();
        m.append(new RunEvent.RunStarted(T0, "t", List.of("python3", "t.py"), null));
        m.append(new RunEvent.RootSpawned(T0 + 10, MAIN, 1));
        m.append(new RunEvent.StopRequested(T0 + 20, org.processlab.model.StopReason.TIME_LIMIT));
        m.append(new RunEvent.Reaped(T0 + 30, 1, MAIN, -15, 15));
        m.append(new RunEvent.RunEnded(T0 + 40, 143));
        assertThat(ExpectationCheck.whyNotChecked(m.snapshot()))
                .isEqualTo("ProcessLab stopped the run at its time limit, before it ended by itself");
        Reveal r = Reveal.after(m.snapshot(), m.output(), example(new Expectation(0, null, null, null, null, null,
                null)), null, -2).orElseThrow();
        assertThat(r.checked()).isFalse();
    }

    @Test
    void nothingIsRevealedWithoutAQuestionOrExpectationsOrAfterAFailedStart() {
        RunModel m = run(0);
        assertThat(Reveal.after(m.snapshot(), m.output(), example(null), null, -2)).isEmpty();
        RunModel failed = new RunModel();
        failed.append(new RunEvent.RunStarted(T0, "t", List.of("python3"), null));
        failed.append(new RunEvent.RunFailed(T0 + 1, "no python"));
        assertThat(Reveal.after(failed.snapshot(), failed.output(), example(null), ORDER, 1)).isEmpty();
    }

    @Test
    void anExampleIsMeantForTheMethodsItNamesAndTheDefault() {
        Example forkOnly = example(null);
        assertThat(forkOnly.isMeantFor(StartMethod.FORK)).isTrue();
        assertThat(forkOnly.isMeantFor(StartMethod.SPAWN)).isFalse();
        assertThat(forkOnly.isMeantFor(null)).as("the interpreter's default").isTrue();
        assertThat(forkOnly.startMethods()).containsExactly("fork");
        Example any = new Example("t", Path.of("/t.py"), List.of(), List.of(), null);
        assertThat(any.isMeantFor(StartMethod.FORKSERVER)).isTrue();
    }
}
