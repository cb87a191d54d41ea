package org.processlab.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.ChannelRefusals;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.Role;
import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;

/** The run document's reader: typed values out of a document, and a clear message for a broken one. */
class RunDocumentReaderTest {
    /** A run stopped at its time limit: main, a child killed by SIGKILL, and a Process object never started. */
    static final RunDocument RUN = new RunDocument(RunDocument.FORMAT_VERSION, 137, null, StopReason.TIME_LIMIT, "A run \"quoted\" \u2713",
            List.of("fork"), 3, 1, List.of(
            new RunDocument.Process(4100L, 52_001, 4090L, 0, Role.MAIN, "MainProcess", null, null, false, 137,
                    null, false, true, null, null, 0.012, 2.5, 2.501,
                    List.of(new RunDocument.StateSpan<>(LifeState.RUNNING, 0.012, 0.5, false),
                            new RunDocument.StateSpan<>(LifeState.WAITING_JOIN, 0.5, 2.5, false),
                            new RunDocument.StateSpan<>(LifeState.ENDED, 2.5, 2.5, true)),
                    List.of(new RunDocument.StateSpan<>(KernelStateKind.SLEEPING, 0.02, 2.4, false)),
                    List.of(new RunDocument.Line(0.3, Stream.STDOUT, "Gr\u00f6\u00dfe\ttab \\ back", false, 1),
                            new RunDocument.Line(0.31, Stream.STDOUT, "from a shell", true, 2)),
                    null, "()", "python3 run.py", false, null, null, 0,
                    List.of(new RunDocument.Join(4101, 0.5, 0.6, true)), null, null, List.of(), false, null),
            new RunDocument.Process(4101L, 52_010, 4100L, 4100, Role.CHILD, "Process-1", "p1", "work", false, -9,
                    "SIGKILL", false, true, "fork", null, 0.1, 0.4, 0.5,
                    List.of(new RunDocument.StateSpan<>(LifeState.RUNNING, 0.1, 0.4, false)), List.of(),
                    List.of(new RunDocument.Line(0.2, Stream.STDERR, "oops", false, 0)),
                    null, "(1,)", null, true, 0.09, null, 1, List.of(), null, null,
                    List.of(new RunDocument.Exec(0.3, "/bin/sh", "sh -c echo hi")), false, "p1 #2"),
            new RunDocument.Process(null, -1, null, 4100, Role.CHILD, "Process-2", "never", "work", false, null,
                    null, false, false, null, null, null, null, null,
                    List.of(new RunDocument.StateSpan<>(LifeState.CREATED, 0.05, 2.5, false)), List.of(), List.of(),
                    -2L, null, null, false, null, null, 1, List.of(),
                    new RunDocument.StartFailed(0.06, "RuntimeError", "bootstrapping \"phase\""), null, List.of(), true,
                    "never")),
            RunStatus.ENDED, 1_796_617_687_123_456L, 2.5, 2.75, "fork", 4090L, null, 0, List.of(), List.of(),
            RunOrigin.NONE, new ChannelRefusals(0, 0, 0, 1), null, 0, null, null,
            new RunDocument.Expectations(null, List.of(new RunDocument.Expected("the program's exit status is 137",
                    List.of()), new RunDocument.Expected("line \"done\" from main: at least 1",
                    List.of("line \"done\" from main: expected at least 1, found 0")))));

    @Test
    void aWrittenDocumentReadsBackToTheSameValueAndTheSameBytes() throws IOException {
        String text = write(RUN);
        RunDocument back = read(text);
        assertThat(back).isEqualTo(RUN);
        assertThat(write(back)).isEqualTo(text);
    }

    @Test
    void theDocumentIsOneLineInTheDocumentedFieldOrder() throws IOException {
        String text = write(RUN);
        assertThat(text).endsWith("}\n").doesNotContain("\n{").startsWith(
                "{\"formatVersion\":" + RunDocument.FORMAT_VERSION + ",\"exitCode\":137,\"error\":null,\"stoppedBy\":\"time-limit\",\"title\":\"A run \\\"quoted\\\" \u2713\","
                        + "\"startMethods\":[\"fork\"],\"outputLines\":3,\"rejectedConnections\":1,\"processes\":[");
        assertThat(text).contains("{\"pid\":null,\"startTicks\":-1,\"ppid\":null,\"parent\":4100,\"role\":\"child\"");
        assertThat(text).contains("{\"t\":0.31,\"stream\":\"stdout\",\"text\":\"from a shell\",\"untraced\":true,\"n\":2}");
        assertThat(text).contains("{\"t\":0.2,\"stream\":\"stderr\",\"text\":\"oops\",\"n\":0}");
    }

    @Test
    void unknownFieldsAreSkippedAndFieldsThatMayBeNullMayBeLeftOut() throws IOException {
        // format 1 (no formatVersion): what run --format json wrote before format 2
        RunDocument doc = read("""
                {"startMethods": [], "outputLines": 1, "rejectedConnections": 0,
                 "processes": [{"startTicks": 7, "parent": 0, "role": "main", "alive": false, "orphan": false,
                                "traced": true, "waits": [{"child": 12, "at": 0.5}], "states": [], "kernelStates": [],
                                "output": [{"t": 1, "stream": "stdout", "text": "hi", "colour": "red"}]}],
                 "messages": {"nested": [1, [2, {"three": 3}]]}}
                """);
        assertThat(doc.formatVersion()).isEqualTo(1);
        assertThat(doc.exitCode()).isNull();
        assertThat(doc.title()).isNull();
        RunDocument.Process main = doc.processes().get(0);
        assertThat(main.pid()).isNull();
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(main.startedAt()).isNull();
        assertThat(main.output()).containsExactly(new RunDocument.Line(1.0, Stream.STDOUT, "hi", false, -1));
    }

    @Test
    void unknownFieldsOfFormat2AreSkippedToo() throws IOException {
        String text = write(RUN);
        String more = text.replace("\"title\":", "\"messages\":{\"nested\":[1,[2,{\"three\":3}]]},\"title\":")
                .replace("\"text\":\"oops\"", "\"colour\":\"red\",\"text\":\"oops\"")
                .replace("\"daemon\":true", "\"daemon\":true,\"lost\":null");
        assertThat(more).isNotEqualTo(text);
        assertThat(read(more)).isEqualTo(RUN);
    }

    @Test
    void aDocumentOfANewerFormatIsRefusedAtOnce() {
        int newer = RunDocument.FORMAT_VERSION + 1;
        RunDocumentException e = broken("{\"formatVersion\": " + newer + ", \"processes\": [{\"what\": \"format "
                + newer + " has\"}], \"x\":");
        assertThat(e.kind()).isEqualTo(RunDocumentException.Kind.NEWER_VERSION);
        assertThat(e.getMessage()).isEqualTo("made by a newer ProcessLab: format " + newer
                + "; this one reads formats 1\u2013" + RunDocument.FORMAT_VERSION);
        String later = write(RUN).replace("{\"formatVersion\":" + RunDocument.FORMAT_VERSION + ",", "{").replace("\"origin\":",
                "\"formatVersion\":9,\"origin\":");
        assertThat(broken(later).kind()).as("wherever it is").isEqualTo(RunDocumentException.Kind.NEWER_VERSION);
        assertThat(broken("{\"formatVersion\": 0}").getMessage()).startsWith("formatVersion: there is no format 0");
        assertThat(broken("{\"formatVersion\": 0}").kind()).isEqualTo(RunDocumentException.Kind.BROKEN);
    }

    @Test
    void aDocumentCutShortSaysSoAndWhere() {
        String text = write(RUN);
        String cut = text.substring(0, text.indexOf("\"oops\"") + 3);
        RunDocumentException e = broken(cut);
        assertThat(e.problem()).isEqualTo("the document ends too early");
        assertThat(e.where()).isEqualTo("processes[1].output[0].text");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isGreaterThan(cut.length() - 2);
        assertThat(e.getMessage()).startsWith("processes[1].output[0].text: the document ends too early (line 1, column ");

        assertThat(broken(text.substring(0, text.indexOf("\"processes\""))).getMessage())
                .as("the last place it reached").startsWith("rejectedConnections: the document ends too early");
        for (String end : List.of("\"exitCode\":1", "\"exitCode\":1.", "\"exitCode\":1e", "\"exitCode\":-",
                "\"exitCode\":nul", "\"exitCode\"", "\"exitC", "")) {
            assertThat(broken("{" + end).problem()).as("{%s", end).isEqualTo("the document ends too early");
        }
        assertThat(broken("{\"exitCode\":1,}").problem()).as("an error at the last byte is no cut")
                .startsWith("bad JSON: Unexpected character ('}'");
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithItsPlace() {
        String text = write(RUN);
        assertThat(broken(text.replace("\"from\":0.1,", "\"from\":\"soon\",")).getMessage())
                .startsWith("processes[1].states[0].from: expected a time in seconds, found the text \"soon\" (line 1, column ");
        assertThat(broken(text.replace("\"pid\":4101,", "\"pid\":4101.5,")).getMessage())
                .startsWith("processes[1].pid: expected a whole number, found the number 4101.5");
        assertThat(broken(text.replace("\"pid\":4101,", "\"pid\":99999999999999999999,")).getMessage())
                .startsWith("processes[1].pid: the number 99999999999999999999 is too large");
        assertThat(broken(text.replace("\"exitCode\":137,", "\"exitCode\":4294967296,")).getMessage())
                .startsWith("exitCode: the number 4294967296 is too large for an exit code");
        assertThat(broken(text.replace("\"alive\":false", "\"alive\":0")).getMessage())
                .startsWith("processes[0].alive: expected true or false, found the number 0");
        assertThat(broken(text.replace("\"startMethods\":[\"fork\"]", "\"startMethods\":\"fork\"")).getMessage())
                .startsWith("startMethods: expected a list, found the text \"fork\"");
        assertThat(broken(text.replace("\"output\":[]", "\"output\":[null]")).getMessage())
                .startsWith("processes[2].output[0]: expected an object (a line of output), found null");
    }

    @Test
    void aNameOutsideItsClosedSetIsRejectedWithTheNamesAllowed() {
        String text = write(RUN);
        assertThat(broken(text.replace("\"state\":\"created\"", "\"state\":\"sleepy\"")).getMessage())
                .startsWith("processes[2].states[0].state: \"sleepy\" is not a lifecycle state "
                        + "(created, running, waiting-join, zombie, ended, lost)");
        assertThat(broken(text.replace("\"state\":\"sleeping\"", "\"state\":\"S\"")).getMessage())
                .startsWith("processes[0].kernelStates[0].state: \"S\" is not a kernel state (running, sleeping, "
                        + "disk-wait, stopped, zombie)");
        assertThat(broken(text.replace("\"role\":\"main\"", "\"role\":\"boss\"")).getMessage())
                .startsWith("processes[0].role: \"boss\" is not a role (main, child, helper)");
        assertThat(broken(text.replace("\"stream\":\"stderr\"", "\"stream\":\"stdin\"")).getMessage())
                .startsWith("processes[1].output[0].stream: \"stdin\" is not a stream (stdout, stderr)");
        assertThat(broken(text.replace("\"time-limit\"", "\"bored\"")).getMessage())
                .startsWith("stoppedBy: \"bored\" is not a reason for a stop (user, time-limit, process-limit, "
                        + "interrupt)");
    }

    @Test
    void anInterruptedRunReadsBackAsOneAndAFormat2DocumentStillReads() throws IOException {
        String text = write(RUN);
        assertThat(read(text.replace("\"time-limit\"", "\"interrupt\"")).stoppedBy()).isEqualTo(StopReason.INTERRUPT);
        assertThat(read(text.replace("{\"formatVersion\":" + RunDocument.FORMAT_VERSION + ",", "{\"formatVersion\":2,"))
                .stoppedBy()).isEqualTo(StopReason.TIME_LIMIT);
    }

    @Test
    void aLessonsExpectationsComeLastAndTheirHeldMustAgreeWithTheirResults() throws IOException {
        String text = write(RUN);
        String checked = ",\"expectations\":{\"held\":false,\"notChecked\":null,\"results\":["
                + "{\"promise\":\"the program's exit status is 137\",\"held\":true,\"problems\":[]},"
                + "{\"promise\":\"line \\\"done\\\" from main: at least 1\",\"held\":false,\"problems\":"
                + "[\"line \\\"done\\\" from main: expected at least 1, found 0\"]}]}}\n";
        assertThat(text).endsWith(checked);
        assertThat(read(text.replace(checked, "}\n").replace("{\"formatVersion\":" + RunDocument.FORMAT_VERSION + ",",
                "{\"formatVersion\":3,")).expectations()).as("before format 4: none checked").isNull();
        assertThat(read(text.replace(checked, ",\"expectations\":{\"held\":null,\"notChecked\":\"the run was"
                + " interrupted, before it ended by itself\",\"results\":[]}}\n")).expectations().held()).isNull();
        assertThat(broken(text.replace("{\"held\":false,\"notChecked\"", "{\"held\":true,\"notChecked\""))
                .getMessage()).contains("expectations: held is true but its results say false");
        assertThat(broken(text.replace("\"held\":true,\"problems\":[]", "\"held\":false,\"problems\":[]"))
                .getMessage()).contains("a promise's held is false but it has 0 problem(s)");
    }

    @Test
    void aMissingFieldIsNamedInTheObjectThatLacksIt() {
        String text = write(RUN);
        assertThat(broken(text.replace("\"role\":\"child\",\"name\":\"Process-1\"", "\"name\":\"Process-1\""))
                .getMessage()).startsWith("processes[1]: the field \"role\" is missing");
        assertThat(broken(text.replace(",\"stream\":\"stderr\"", "")).getMessage())
                .startsWith("processes[1].output[0]: the field \"stream\" is missing");
        assertThat(broken(text.replace("\"outputLines\":3,", "")).getMessage())
                .startsWith("the field \"outputLines\" is missing");
        assertThat(broken(text.replace("\"text\":\"oops\"", "\"text\":null")).getMessage())
                .startsWith("processes[1].output[0].text: expected text, found null");
    }

    @Test
    void whatIsNotOneJsonObjectIsRejected() {
        assertThat(broken("").getMessage()).isEqualTo("the document is empty");
        assertThat(broken("  \n").getMessage()).isEqualTo("the document is empty");
        assertThat(broken("[1, 2]").getMessage())
                .startsWith("expected an object (a run document is one JSON object), found a list (line 1, column 1)");
        String text = write(RUN);
        assertThat(broken(text + text).getMessage()).startsWith("something follows the end of the document: an object");
        assertThat(broken(text.replace("\"error\":null,", "\"error\":null,,")).getMessage())
                .startsWith("error: bad JSON: Unexpected character (',' (code 44))").endsWith("(line 1, column 48)");
        assertThat(broken(text.replace("\"error\":null,", "\"error\":null,\"error\":\"twice\",")).getMessage())
                .startsWith("error: bad JSON: Duplicate field 'error'");
        assertThat(broken("{\"title\": \"line one\",\n \"x\": tru}").line()).isEqualTo(2);
    }

    static String write(RunDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RunDocumentWriter.write(doc, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(UTF_8);
    }

    static RunDocument read(String text) throws IOException {
        return RunDocumentReader.read(new ByteArrayInputStream(text.getBytes(UTF_8)));
    }

    private static RunDocumentException broken(String text) {
        RunDocumentException e = catchThrowableOfType(RunDocumentException.class, () -> read(text));
        assertThat(e).as("a RunDocumentException for %s", text).isNotNull();
        return e;
    }
}
