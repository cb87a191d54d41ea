package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.StartMethod;

class LessonLibraryTest {
    @TempDir
    Path root;

    private void lesson(String dir, String text, String... files) throws IOException {
        Path d = Files.createDirectories(root.resolve(dir));
        Files.writeString(d.resolve("lesson.md"), text);
        for (String f : files) {
            Files.writeString(d.resolve(f), "print('hi')\n");
        }
    }

    @Test
    void goodLessonLoadsWithItsExampleExpectationAndPrediction() throws IOException {
        lesson("02-first", """
                ---
                title: First processes
                order: 2
                source: multiprocessing_s1_e1.py
                example: square_cube.py
                startMethods: [fork, spawn]
                predict:
                  question: Which line comes last?
                  choices: [a, b, "Done!"]
                  answer: 2
                  explain: join waits.
                expect:
                  exitCode: 0
                  roles: {main: 1, child: 2}
                  lines:
                    - {text: "Done!", who: main, count: 1}
                  order:
                    - ["Square of 10: 100", "Done!"]
                ---
                # Hello
                """, "square_cube.py");
        List<LessonEntry> all = LessonLibrary.load(root);
        assertThat(all).hasSize(1);
        Lesson l = (Lesson) all.get(0);
        assertThat(l.title()).isEqualTo("First processes");
        assertThat(l.source()).isEqualTo("multiprocessing_s1_e1.py");
        assertThat(l.example().file()).isEqualTo(root.resolve("02-first/square_cube.py").toAbsolutePath());
        assertThat(l.example().meantFor()).containsExactly(StartMethod.FORK, StartMethod.SPAWN);
        assertThat(l.example().startMethods()).containsExactly("fork", "spawn");
        assertThat(l.example().expect().roles()).containsEntry("child", 2);
        assertThat(l.predict().answerText()).isEqualTo("Done!");
        assertThat(l.markdown()).startsWith("# Hello");
    }

    @Test
    void brokenLessonsBecomeErrorCardsAndTheOthersStillLoad() throws IOException {
        lesson("01-good", "---\ntitle: Good\norder: 1\n---\ntext\n");
        lesson("02-bad-yaml", "---\ntitle: [unclosed\norder: 2\n---\n");
        lesson("03-missing-example", "---\ntitle: Missing\norder: 3\nexample: nope.py\n---\n");
        lesson("04-no-front-matter", "# just markdown\n");
        lesson("05-typo", "---\ntitle: Typo\norder: 5\nexampel: x.py\n---\n");
        lesson("06-bad-answer", "---\ntitle: Bad\norder: 6\npredict: {question: q, choices: [a], answer: 3}\n---\n");
        lesson("07-order-list", "---\ntitle: Order\norder: [7\n---\n");
        Files.createDirectories(root.resolve("not-a-lesson"));
        List<LessonEntry> all = LessonLibrary.load(root);
        assertThat(all).extracting(LessonEntry::id).containsExactly("01-good", "02-bad-yaml", "03-missing-example",
                "04-no-front-matter", "05-typo", "06-bad-answer", "07-order-list");
        assertThat(((LessonError) all.get(6)).message()).as("in an author's words, not the parser's")
                .contains("'order' must be a whole number").doesNotContain("JsonToken").doesNotContain("java.lang");
        assertThat(((LessonError) all.get(4)).message()).contains("'exampel' is not a lesson field").contains("example");
        assertThat(all.get(0)).isInstanceOf(Lesson.class);
        assertThat(all.subList(1, all.size())).allSatisfy(e -> assertThat(e).isInstanceOf(LessonError.class));
        assertThat(((LessonError) all.get(2)).message()).contains("nope.py").contains("missing");
        assertThat(((LessonError) all.get(4)).message()).contains("exampel");
        assertThat(((LessonError) all.get(1)).message()).contains("line");
    }

    @Test
    void aLessonFileOverOneMebibyteIsRefusedUnreadAndTheOthersLoad() throws IOException {
        lesson("01-good", "---\ntitle: Good\norder: 1\n---\ntext\n");
        Path huge = Files.createDirectories(root.resolve("02-huge")).resolve("lesson.md");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.write("---\ntitle: [".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            f.setLength(50L << 20);   // 50 MB of front matter, most of it a hole: never read
        }
        List<LessonEntry> all = LessonLibrary.load(root);
        assertThat(all.get(0)).isInstanceOf(Lesson.class);
        assertThat(all.get(1)).isInstanceOf(LessonError.class);
        assertThat(((LessonError) all.get(1)).message()).isEqualTo(huge + ": the file is 52,428,800 bytes; a lesson"
                + " page may be at most 1,048,576 bytes (1 MiB), so it was not read");
        lesson("03-at-the-limit", "---\ntitle: Limit\norder: 3\n---\n" + "x".repeat((int) LessonLibrary.MAX_LESSON_BYTES
                - 31) + "\n");
        assertThat(Files.size(root.resolve("03-at-the-limit/lesson.md"))).isEqualTo(LessonLibrary.MAX_LESSON_BYTES);
        assertThat(LessonLibrary.loadOne(root.resolve("03-at-the-limit"))).isInstanceOf(Lesson.class);
    }

    @Test
    void aLessonPageThatIsAPipeADeviceOrADanglingLinkIsAnErrorCardNeverReadAndNeverMissing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "mkfifo and /dev/zero");
        lesson("01-good", "---\ntitle: Good\norder: 1\n---\ntext\n");
        Path fifo = Files.createDirectories(root.resolve("02-fifo")).resolve("lesson.md");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(Files.createDirectories(root.resolve("03-zero")).resolve("lesson.md"),
                Path.of("/dev/zero"));
        Files.createSymbolicLink(Files.createDirectories(root.resolve("04-gone")).resolve("lesson.md"),
                root.resolve("nowhere.md"));
        List<LessonEntry> all = LessonLibrary.load(root);   // a read of the pipe or /dev/zero would never return
        assertThat(all).extracting(LessonEntry::id).containsExactly("01-good", "02-fifo", "03-zero", "04-gone");
        assertThat(all.get(0)).isInstanceOf(Lesson.class);
        assertThat(((LessonError) all.get(1)).message()).isEqualTo(fifo + ": lesson.md is not a file of text but a pipe"
                + " or a device, so it was not read; a lesson page is a plain text file");
        assertThat(((LessonError) all.get(2)).message()).contains("03-zero/lesson.md: lesson.md is not a file of text"
                + " but a pipe or a device");
        assertThat(((LessonError) all.get(3)).message()).contains("04-gone/lesson.md: lesson.md is not a file of text"
                + " but a link to nothing");
        assertThat(LessonLibrary.named(root, "2")).as("run 2 finds it, and says why").isInstanceOf(LessonError.class);
    }

    @Test
    void suggestIsOneWordOrAListAndAnUnknownWordIsAnError() throws IOException {
        lesson("01-one", "---\ntitle: One\norder: 1\nsuggest: compare\n---\n");
        lesson("02-list", "---\ntitle: List\norder: 2\nsuggest: [compare]\n---\n");
        lesson("03-none", "---\ntitle: None\norder: 3\n---\n");
        lesson("04-typo", "---\ntitle: Typo\norder: 4\nsuggest: comapre\n---\n");
        List<LessonEntry> all = LessonLibrary.load(root);

        assertThat(((Lesson) all.get(0)).suggests(Suggestion.COMPARE)).isTrue();
        assertThat(((Lesson) all.get(1)).suggest()).containsExactly(Suggestion.COMPARE);
        assertThat(((Lesson) all.get(2)).suggest()).isEmpty();
        assertThat(((LessonError) all.get(3)).message()).contains("'suggest' has no 'comapre'").contains("compare");
    }

    @Test
    void lessonsTwoAndFourteenSuggestComparingAfterASecondRun() {
        Path repo = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        List<LessonEntry> all = LessonLibrary.load(repo);
        assertThat(all).filteredOn(e -> e instanceof Lesson l && l.suggests(Suggestion.COMPARE))
                .extracting(LessonEntry::id).containsExactly("02-first-processes", "14-start-methods");
    }

    @Test
    void builtInLessonsAllLoad() {
        Path repo = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        List<LessonEntry> all = LessonLibrary.load(repo);
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(e -> assertThat(e).as(e.toString()).isInstanceOf(Lesson.class));
    }
}
