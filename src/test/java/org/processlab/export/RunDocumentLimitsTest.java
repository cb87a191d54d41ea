package org.processlab.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.export.RunDocumentException.Kind;

/**
 * A document over a limit is refused as too large, and one whose parts do not fit together as broken; each with a
 * message a person understands, and never half a run.
 */
class RunDocumentLimitsTest {
    @TempDir
    Path dir;

    /** The fixture's document: 4 processes, 6 lines. */
    private static String document() {
        org.processlab.model.OutputLog output = RunFixture.output();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RunDocumentWriter.write(RunDocument.of(RunFixture.snapshot(output), output, RunFixture.origin()), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(UTF_8);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ReadLimits.MAX_BYTES + 1);   // sparse: it holds no bytes, and is not read
        }
        RunDocumentException e = catchThrowableOfType(RunDocumentException.class, () -> SavedRun.read(huge));
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("the file is larger than the 256 MiB a saved run may be (it is 256.0 MiB)");
    }

    @Test
    void aStreamOverTheSizeLimitIsCutOffWhereItPassesIt() {
        String text = document();
        int bytes = text.getBytes(UTF_8).length;
        RunDocumentException e = refused(text, new ReadLimits(bytes - 10, 8, 100, 100, 1000));
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo(String.format(java.util.Locale.ROOT,
                "the file is larger than the %,d bytes a saved run may be", bytes - 10));
        assertThat(read(text, new ReadLimits(bytes, 8, 100, 100, 1000))).isNotNull();
    }

    @Test
    void nestingDeeperThanARunDocumentIsRefused() {
        String deep = "{\"x\":" + "[".repeat(ReadLimits.MAX_DEPTH) + "]".repeat(ReadLimits.MAX_DEPTH) + "}";
        RunDocumentException e = refused(deep, ReadLimits.DEFAULT);
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e.getMessage()).startsWith("x[0][0][0][0][0][0][0]: it is nested deeper than a run document is (more "
                + "than 8 levels of objects and lists) (line 1, column ");
        String bomb = "{\"x\":" + "[".repeat(100_000);
        assertThat(refused(bomb, ReadLimits.DEFAULT).kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(read(document(), new ReadLimits(ReadLimits.MAX_BYTES, 5, 100, 100, 1000)))
                .as("a run document itself nests 5 deep").isNotNull();
    }

    @Test
    void tooManyProcessesLinesOrCharactersAreRefused() {
        String text = document();
        RunDocumentException processes = refused(text, new ReadLimits(ReadLimits.MAX_BYTES, 8, 3, 100, 1000));
        assertThat(processes.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(processes.getMessage()).startsWith("processes[3]: it has more than 3 processes: a saved run may have at"
                + " most 3 (line 1, column ");
        RunDocumentException lines = refused(text, new ReadLimits(ReadLimits.MAX_BYTES, 8, 100, 5, 1000));
        assertThat(lines.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(lines.getMessage()).contains("it has more than 5 lines of output: a saved run may have at most 5");
        RunDocumentException chars = refused(text, new ReadLimits(ReadLimits.MAX_BYTES, 8, 100, 100, 12));
        assertThat(chars.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(chars.getMessage()).contains("it holds a text longer than 12 characters");
        assertThat(read(text, new ReadLimits(ReadLimits.MAX_BYTES, 8, 5, 6, 100))).as("at the limits").isNotNull();
    }

    @Test
    void partsThatDoNotFitTogetherAreBroken() {
        String text = document();
        assertBroken(text.replace("\"child\":4101,", "\"child\":4999,"),
                "processes[0].joins[0].child: the join waits for process 4999, which is not in the document");
        assertBroken(text.replace("\"text\":\"oops\",\"n\":2", "\"text\":\"oops\",\"n\":1"),
                "processes[1].output[0].n: line 1 is given twice (first at processes[0].output[0])");
        assertBroken(text.replace("\"text\":\"oops\",\"n\":2", "\"text\":\"oops\",\"n\":6"),
                "processes[1].output[0].n: line 6 is past the run's last line (outputLines is 6)");
        assertBroken(text.replace("\"text\":\"oops\",\"n\":2", "\"text\":\"oops\""),
                "processes[1].output[0]: the field \"n\" is missing");
        assertBroken(text.replace("\"outputLines\":6", "\"outputLines\":7"),
                "outputLines: the run wrote 7 lines, but the processes hold 6");
        assertBroken(text.replace("\"outputLines\":6", "\"outputLines\":5"),
                "processes[1].output[1].n: line 5 is past the run's last line (outputLines is 5)");
        assertBroken(text.replace("\"standIn\":-3", "\"standIn\":3"),
                "processes[3].standIn: a stand-in's number is negative, not 3");
        assertBroken(text.replace("\"status\":\"ended\"", "\"status\":\"asleep\""),
                "status: \"asleep\" is not a run status (not-started, starting, running, stopping, ended, failed)");
        assertBroken(text.replaceFirst("\"startTime\":\"[^\"]*\"", "\"startTime\":\"yesterday\""),
                "startTime: \"yesterday\" is not a time in UTC such as 2026-12-07T04:28:07.123456Z");
        assertBroken(text.replace(",\"now\":200.000123", ""), "the field \"now\" is missing");
    }

    @Test
    void aRunThatHadNotEndedIsNoSavedRun() throws IOException {
        String running = document().replace("\"status\":\"ended\"", "\"status\":\"running\"");
        assertThat(read(running, ReadLimits.DEFAULT).status()).isEqualTo(org.processlab.model.RunStatus.RUNNING);
        RunDocumentException e = catchThrowableOfType(RunDocumentException.class,
                () -> SavedRun.of(read(running, ReadLimits.DEFAULT)));
        assertThat(e.kind()).isEqualTo(Kind.BROKEN);
        assertThat(e.getMessage()).isEqualTo("status: the run had not ended when it was saved (its status is running): "
                + "only a whole run opens");
    }

    private static void assertBroken(String text, String message) {
        RunDocumentException e = refused(text, ReadLimits.DEFAULT);
        assertThat(e.kind()).as(message).isEqualTo(Kind.BROKEN);
        assertThat(e.getMessage()).startsWith(message);
    }

    private static RunDocument read(String text, ReadLimits limits) {
        try {
            return RunDocumentReader.read(new ByteArrayInputStream(text.getBytes(UTF_8)), limits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RunDocumentException refused(String text, ReadLimits limits) {
        RunDocumentException e = catchThrowableOfType(RunDocumentException.class,
                () -> RunDocumentReader.read(new ByteArrayInputStream(text.getBytes(UTF_8)), limits));
        assertThat(e).as("refused: %s", text.length() > 300 ? text.substring(0, 300) + "…" : text).isNotNull();
        return e;
    }
}
