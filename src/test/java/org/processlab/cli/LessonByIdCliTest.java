package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;
import org.processlab.lesson.LessonError;
import org.processlab.lesson.LessonLibrary;

/**
 * {@code run 1} reads only lesson 1 (issue 15, point 6): the folder is found by its name, so broken neighbours (a
 * 50 MB page, a page 100 000 lists deep, YAML that does not parse, a page that is not UTF-8) neither slow nor break
 * it, and a mistyped id is answered from the folders' names. What the command line says of a broken lesson is what
 * the window's error card says ({@link LessonError#message()}).
 */
class LessonByIdCliTest {
    @TempDir
    Path root;

    private Path lesson(String id, String md) throws IOException {
        Path d = Files.createDirectories(root.resolve(id));
        Files.writeString(d.resolve("lesson.md"), md);
        Files.writeString(d.resolve("a.py"), "print('hello from " + id + "')\n");
        return d;
    }

    @Test
    void aRunByIdReadsOnlyItsLessonAndBrokenNeighboursCostNothing() throws IOException {
        lesson("01-good", "---\ntitle: Good\norder: 1\nexample: a.py\n---\n# Good\n");
        Path huge = Files.createDirectories(root.resolve("02-huge")).resolve("lesson.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write("---\ntitle: [".getBytes(StandardCharsets.UTF_8));
            f.setLength(50L << 20);
        }
        lesson("03-deep", "---\ntitle: Deep\norder: 3\nexample: a.py\n---\n" + "- ".repeat(100_000) + "x\n");
        lesson("04-yaml", "---\ntitle: [unclosed\norder: 4\n---\n");
        Path latin = lesson("05-latin", "");
        Files.write(latin.resolve("lesson.md"), "---\ntitle: Caf\u00e9\norder: 5\nexample: a.py\n---\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        long t0 = System.nanoTime();
        Report r = CliRun.exec("run", "--lessons", root.toString(), "1");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.stdout()).contains("hello from 01-good");
        assertThat(r.stderr()).doesNotContain("02-huge").doesNotContain("03-deep").doesNotContain("04-yaml")
                .doesNotContain("05-latin");
        assertThat((System.nanoTime() - t0) / 1e9).as("no neighbour is read").isLessThan(60);

        // a broken lesson asked for: its error, the same words as the window's card
        for (String id : new String[] {"02-huge", "03-deep", "04-yaml", "05-latin"}) {
            Report bad = CliRun.exec("run", "--lessons", root.toString(), id.substring(0, 2));
            String card = ((LessonError) LessonLibrary.loadOne(root.resolve(id))).message();
            assertThat(bad.exit()).as("%s: %s", id, bad).isEqualTo(66);
            assertThat(bad.stderr()).as(id).contains("lesson " + id + " cannot be loaded: " + card);
            assertThat(card).as(id).startsWith(root.resolve(id).resolve("lesson.md").toString());
        }
        assertThat(((LessonError) LessonLibrary.loadOne(root.resolve("05-latin"))).message())
                .contains("lesson.md is not UTF-8 text (byte 0xE9 on line 2)");

        // a mistyped id: the nearest from the folders' names
        Report typo = CliRun.exec("run", "--lessons", root.toString(), "01-god");
        assertThat(typo.exit()).isEqualTo(66);
        assertThat(typo.stderr()).contains("no lesson 01-god — the lessons are 1–5; nearest: 01-good");
        Report number = CliRun.exec("run", "--lessons", root.toString(), "42");
        assertThat(number.stderr()).contains("no lesson 42 — the lessons are 1–5");
    }
}
