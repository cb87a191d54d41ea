package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;

/**
 * Kept runs on disk: one folder per key, one document per run, an index that lists them without reading the
 * documents; the retention rule; what is half-written or missing is never listed; clear; a restart reads them back.
 */
class RunStoreTest {
    private static final long T0 = 1_796_000_000_000_000L;   // 2026, epoch µs

    @TempDir
    Path home;

    static RunSnapshot ended(String title, long startedAt, Integer exit, StopReason stop, String asked,
                             List<String> used) {
        return new RunSnapshot(9, RunStatus.ENDED, title, startedAt, startedAt + 500_000, startedAt + 600_000,
                List.of(), exit, stop, null, used, asked, -1, 3, List.of(), 0, null, 0,
                org.processlab.model.ChannelRefusals.NONE, null, 0, -1, null);
    }

    private static RunStore.DocumentWriter bytes(int n) {
        return file -> Files.write(file, new byte[n]);
    }

    @Test
    void aRunIsKeptInItsKeysFolderAndListedWithWhatAListShows() throws Exception {
        RunStore store = RunStore.open(home);
        RunKey lesson = RunKey.lesson("02-first-processes");
        KeptRun k = store.keep(lesson, ended("First processes", T0, 0, null, "spawn", List.of("spawn")), bytes(10));

        assertThat(k.file()).startsWith(home.resolve("runs/lessons/02-first-processes")).exists();
        assertThat(k.file().getFileName().toString()).endsWith("-1.json");
        assertThat(k).extracting(KeptRun::number, KeptRun::title, KeptRun::status, KeptRun::startedAt,
                        KeptRun::exitCode, KeptRun::stoppedBy, KeptRun::startMethod, KeptRun::bytes)
                .containsExactly(1, "First processes", RunStatus.ENDED, T0, 0, null, "spawn", 10L);
        KeptRun second = store.keep(lesson, ended("First processes", T0 + 5_000_000, null, StopReason.USER, null,
                List.of()), bytes(20));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.startMethod()).as("none asked, none used").isNull();
        assertThat(store.runs(lesson)).containsExactly(k, second);
        assertThat(store.last(lesson)).isEqualTo(second);
        assertThat(store.runs(RunKey.lesson("03-process-ids"))).isEmpty();

        RunKey own = RunKey.file(home.resolve("work/main.py"));
        RunKey other = RunKey.file(home.resolve("elsewhere/main.py"));
        assertThat(own.folder()).startsWith("files/main.py-").isNotEqualTo(other.folder());
        KeptRun mine = store.keep(own, ended("main.py", T0, 1, null, null, List.of("fork")), bytes(5));
        assertThat(mine.file()).startsWith(home.resolve("runs").resolve(own.folder()));
        assertThat(store.runs(own)).containsExactly(mine);

        RunStore again = RunStore.open(home);
        assertThat(again.runs()).as("read back from the index alone").containsExactly(k, second, mine);
        assertThat(again.usage().runs()).isEqualTo(3);
        assertThat(again.usage().bytes()).isGreaterThanOrEqualTo(35);
    }

    @Test
    void twoWindowsSharingOneHomeKeepEachOthersRunsAndClear() throws Exception {
        RunStore one = RunStore.open(home);
        RunStore two = RunStore.open(home);
        RunKey l2 = RunKey.lesson("02-first-processes");
        RunKey l14 = RunKey.lesson("14-start-methods");
        KeptRun a = one.keep(l2, ended("2", T0, 0, null, null, List.of("fork")), bytes(10));
        KeptRun b = two.keep(l14, ended("14", T0 + 1, 0, null, null, List.of("fork")), bytes(10));
        KeptRun c = one.keep(l2, ended("2", T0 + 2, 0, null, null, List.of("fork")), bytes(10));
        assertThat(c.number()).isEqualTo(2);
        assertThat(one.runs()).as("window one sees window two's run").containsExactly(a, b, c);
        assertThat(RunStore.open(home).runs()).as("nothing lost from the index").containsExactly(a, b, c);
        KeptRun d = two.keep(l2, ended("2", T0 + 3, 0, null, null, List.of("fork")), bytes(10));
        assertThat(d.number()).as("numbered after window one's runs of the lesson").isEqualTo(3);

        one.clear();
        assertThat(two.usage().runs()).as("window two counts what is on disk").isZero();
        KeptRun e = two.keep(l14, ended("14", T0 + 4, 0, null, null, List.of("spawn")), bytes(10));
        assertThat(RunStore.open(home).runs()).as("the clear is not undone").containsExactly(e);
    }

    @Test
    void aLessonIdIsMadeSafeAsAFolderName() {
        assertThat(RunKey.lesson("../x y").folder()).isEqualTo("lessons/.._x_y");
        assertThat(Path.of("/r").resolve(RunKey.lesson("../../etc").folder()).normalize().startsWith(Path.of("/r/lessons"))).isTrue();
    }

    @Test
    void aMissingOrHalfWrittenDocumentIsDroppedFromTheListAndStraysAreTidied() throws Exception {
        RunStore store = RunStore.open(home);
        RunKey key = RunKey.lesson("02");
        KeptRun gone = store.keep(key, ended("a", T0, 0, null, null, List.of()), bytes(10));
        KeptRun half = store.keep(key, ended("b", T0 + 1, 0, null, null, List.of()), bytes(10));
        KeptRun fine = store.keep(key, ended("c", T0 + 2, 0, null, null, List.of()), bytes(10));
        Files.delete(gone.file());
        Files.write(half.file(), new byte[4]);   // cut short
        Path stray = Files.writeString(fine.file().resolveSibling("20260101-000000-000-9.json.tmp"), "{");

        RunStore again = RunStore.open(home);
        assertThat(again.runs(key)).containsExactly(fine);
        assertThat(RunStore.open(home).runs(key)).as("the index was written without them").containsExactly(fine);
        again.tidy();
        assertThat(stray).doesNotExist();
        assertThat(half.file()).as("no longer listed, so deleted").doesNotExist();
        assertThat(fine.file()).exists();
    }

    @Test
    void aWriteThatFailsKeepsNothing() throws Exception {
        RunStore store = RunStore.open(home);
        RunKey key = RunKey.lesson("02");
        assertThatThrownBy(() -> store.keep(key, ended("a", T0, 0, null, null, List.of()), file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(store.runs()).isEmpty();
        try (Stream<Path> left = Files.list(home.resolve("runs").resolve(key.folder()))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBrokenIndexIsSetAsideAndTheStoreStartsEmpty() throws Exception {
        Files.createDirectories(home.resolve("runs"));
        Files.writeString(home.resolve("runs/index.json"), "{ not json");
        RunStore store = RunStore.open(home);
        assertThat(store.runs()).isEmpty();
        assertThat(home.resolve("runs/index.json.bad")).exists();
        store.keep(RunKey.lesson("02"), ended("a", T0, 0, null, null, List.of()), bytes(1));
        assertThat(RunStore.open(home).runs()).hasSize(1);
    }

    @Test
    void theRetentionRuleKeepsTwentyPerKeyAndTheBytesBoundedOldestFirst() throws Exception {
        RunStore store = RunStore.open(home, new Retention(3, 100));
        RunKey a = RunKey.lesson("02");
        RunKey b = RunKey.lesson("03");
        KeptRun a1 = store.keep(a, ended("a", T0, 0, null, null, List.of()), bytes(10));
        KeptRun a2 = store.keep(a, ended("a", T0 + 1, 0, null, null, List.of()), bytes(10));
        KeptRun a3 = store.keep(a, ended("a", T0 + 2, 0, null, null, List.of()), bytes(10));
        KeptRun a4 = store.keep(a, ended("a", T0 + 3, 0, null, null, List.of()), bytes(10));
        assertThat(store.runs(a)).as("three per key: the oldest went").containsExactly(a2, a3, a4);
        assertThat(a1.file()).doesNotExist();
        assertThat(a4.number()).isEqualTo(4);

        KeptRun b1 = store.keep(b, ended("b", T0 + 4, 0, null, null, List.of()), bytes(45));
        assertThat(store.runs()).as("75 bytes: within 100").containsExactly(a2, a3, a4, b1);
        KeptRun b2 = store.keep(b, ended("b", T0 + 5, 0, null, null, List.of()), bytes(30));
        // 105 bytes: the oldest that is no key's last run goes first (a2), never a4, a's last
        assertThat(store.runs()).containsExactly(a3, a4, b1, b2);
        assertThat(a2.file()).doesNotExist();
        KeptRun b3 = store.keep(b, ended("b", T0 + 6, 0, null, null, List.of()), bytes(60));
        // 155: a3 (10) then b1 (45) go, oldest first among the runs that are not a key's last
        assertThat(store.runs()).containsExactly(a4, b2, b3);
        assertThat(RunStore.open(home, new Retention(3, 100)).runs()).containsExactly(a4, b2, b3);

        KeptRun huge = store.keep(a, ended("a", T0 + 7, 0, null, null, List.of()), bytes(150));
        assertThat(store.runs()).as("the newest is kept however large; the last of each key goes only then")
                .containsExactly(huge);
    }

    @Test
    void theDefaultRuleIsTwentyRunsPerKeyAndFiveHundredMegabytes() {
        assertThat(Retention.DEFAULT).isEqualTo(new Retention(20, 500_000_000L));
        assertThat(RunStore.open(home).retention()).isEqualTo(Retention.DEFAULT);
    }

    @Test
    void clearDeletesEveryKeptRunAndRunLog() throws Exception {
        RunStore store = RunStore.open(home);
        KeptRun k = store.keep(RunKey.lesson("02"), ended("a", T0, 0, null, null, List.of()), bytes(10));
        Path log = Files.writeString(Files.createDirectories(store.logs()).resolve("x.log"), "line");
        assertThat(store.usage().bytes()).isGreaterThanOrEqualTo(14);
        store.clear();
        assertThat(store.runs()).isEmpty();
        assertThat(k.file()).doesNotExist();
        assertThat(log).doesNotExist();
        assertThat(store.usage()).isEqualTo(new RunStore.Usage(0, 0));
        assertThat(RunStore.open(home).runs()).isEmpty();
        KeptRun after = store.keep(RunKey.lesson("02"), ended("a", T0, 0, null, null, List.of()), bytes(10));
        assertThat(after.number()).as("numbers start again").isEqualTo(1);
    }
}
