package org.processlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * A run of the window keeps only the latest lines of each process in memory, every line in its run log: saved, it
 * has every line's text, read back from the log.
 */
class LoggedTextsTest {
    @TempDir
    Path dir;

    private RunModel windowRun(Path log, List<String> texts) {
        RunModel model = new RunModel(OutputLog.bounded(3, log));
        model.append(new RunEvent.RunStarted(1_000_000, "flood", List.of("python3", "x.py"), null));
        model.append(new RunEvent.RootSpawned(1_000_100, 4100, 7));
        model.append(new RunEvent.ProcessSeen(1_000_200, 4100, 4000, 7, -1, "python3 x.py", true));
        model.append(new RunEvent.ProcessSeen(1_000_300, 4101, 4100, 8, -1, "python3 x.py", true));
        for (int i = 0; i < 10; i++) {
            String text = i % 2 == 0 ? "main line " + i + " Gr\u00f6\u00dfe" : "child  line " + i + " with  spaces ";
            texts.add(text);
            model.append(new RunEvent.OutputLine(1_000_400 + i * 17, i % 2 == 0 ? 4100 : 4101,
                    i % 3 == 0 ? Stream.STDERR : Stream.STDOUT, text, false));
        }
        model.append(new RunEvent.RunEnded(1_200_000, 0));
        return model;
    }

    @Test
    void aWindowRunIsSavedWithEveryLinesText() throws IOException {
        List<String> texts = new ArrayList<>();
        RunModel model = windowRun(dir.resolve("run.log"), texts);
        assertThat(model.output().get(0).text()).as("let go from memory").isEqualTo(OutputLog.DROPPED);
        SavedRun saved = SavedRun.of(model, RunOrigin.NONE);
        Path file = dir.resolve("run.json");
        saved.write(file);

        SavedRun back = SavedRun.read(file);

        assertThat(back.output().range(0, 10)).extracting(RunEvent.OutputLine::text).containsExactlyElementsOf(texts);
        SameRun.assertSameRun(back.snapshot(), saved.snapshot());
        for (int i = 0; i < 10; i++) {
            RunEvent.OutputLine was = saved.output().get(i);
            assertThat(back.output().get(i)).isEqualTo(new RunEvent.OutputLine(was.t(), was.pid(), was.stream(),
                    texts.get(i), was.untraced()));
        }
    }

    @Test
    void aRunLogThatDoesNotMatchLeavesTheMarkOfALineLetGo() throws IOException {
        List<String> texts = new ArrayList<>();
        Path log = dir.resolve("run.log");
        RunModel model = windowRun(log, texts);
        List<String> logged = Files.readAllLines(log);
        Files.write(log, logged.subList(0, logged.size() - 1));   // one line short: not this output's log
        Path file = dir.resolve("run.json");
        SavedRun.of(model, RunOrigin.NONE).write(file);

        SavedRun back = SavedRun.read(file);

        assertThat(back.output().get(0).text()).isEqualTo(OutputLog.DROPPED);
        assertThat(back.output().get(9).text()).isEqualTo(texts.get(9));
    }
}
