package org.processlab.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;
import org.processlab.lesson.LessonLibrary;
import org.processlab.lesson.PageBounds;

/**
 * The cost of a 50 MB lesson among good ones (issue 15, point 6): a copy of the built-in lessons, and the same copy
 * with one more folder whose {@code lesson.md} is 50 MB of front matter (real bytes, not a sparse file). Measured, as
 * medians of {@code -Dbench.rounds} rounds after one warm-up, each as a ratio against its baseline in the same run:
 * loading the library (the window's list) with and without the big lesson, and a run by id ({@code processlab run 3}:
 * {@link LessonLibrary#named}) with and without it beside lesson 3; also the big lesson asked for by id (refused
 * unread) and {@link PageBounds#check} of a 1 MiB page 100,000 lists deep. Runs with {@code mvn -Pbench verify}, or
 * alone: {@code java -cp target/classes:target/test-classes:… org.processlab.bench.LessonBench}.
 */
public final class LessonBench {
    private LessonBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 21);
        Path repo = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        Path dir = Files.createTempDirectory("processlab-lesson-bench");
        Path clean = copyLessons(repo, dir.resolve("clean"));
        Path withHuge = copyLessons(repo, dir.resolve("with-huge"));
        Path huge = Files.createDirectories(withHuge.resolve("15-huge")).resolve("lesson.md");
        writeHuge(huge, 50L * 1000 * 1000);
        try {
            check(LessonLibrary.load(withHuge));
            String deep = "# Deep\n\n" + "- ".repeat(100_000) + "x\n";
            List<Double> loadClean = new ArrayList<>();
            List<Double> loadHuge = new ArrayList<>();
            List<Double> byIdClean = new ArrayList<>();
            List<Double> byIdHuge = new ArrayList<>();
            List<Double> hugeById = new ArrayList<>();
            List<Double> bounds = new ArrayList<>();
            for (int i = 0; i <= rounds; i++) {
                double a = time(() -> LessonLibrary.load(clean));
                double b = time(() -> LessonLibrary.load(withHuge));
                double c = time(() -> LessonLibrary.named(clean, "3"));
                double d = time(() -> LessonLibrary.named(withHuge, "3"));
                double e = time(() -> LessonLibrary.named(withHuge, "15"));
                double f = time(() -> PageBounds.check(deep, 1));
                if (i == 0) {
                    continue;   // warm-up: JIT, page cache
                }
                loadClean.add(a);
                loadHuge.add(b);
                byIdClean.add(c);
                byIdHuge.add(d);
                hugeById.add(e);
                bounds.add(f);
            }
            System.out.printf("lessons: the %d built-in lessons, and the same with a %,d-byte lesson.md beside them "
                    + "(%d rounds, medians)%n", LessonLibrary.ids(clean).size(), Files.size(huge), rounds);
            System.out.printf("  library load                   : %6.2f ms, with the 50 MB lesson %6.2f ms (%.2fx)%n",
                    median(loadClean), median(loadHuge), median(loadHuge) / median(loadClean));
            System.out.printf("  run by id (run 3)              : %6.2f ms, with the 50 MB lesson %6.2f ms (%.2fx)%n",
                    median(byIdClean), median(byIdHuge), median(byIdHuge) / median(byIdClean));
            System.out.printf("  the 50 MB lesson by id (refused): %6.2f ms (%.2fx run 3)%n", median(hugeById),
                    median(hugeById) / median(byIdClean));
            System.out.printf("  page check, 100,000 lists deep : %6.2f ms%n", median(bounds));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The big lesson is an error card, every other one loads. */
    private static void check(List<LessonEntry> all) {
        for (LessonEntry e : all) {
            boolean big = e.id().equals("15-huge");
            if (big != e instanceof LessonError || !big && !(e instanceof Lesson)) {
                throw new IllegalStateException("unexpected: " + e);
            }
        }
    }

    private static Path copyLessons(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** {@code bytes} of front matter whose title never closes, as in the report. */
    private static void writeHuge(Path file, long bytes) throws IOException {
        byte[] chunk = "word, ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] head = "---\ntitle: [".getBytes(StandardCharsets.UTF_8);
            out.write(head);
            long written = head.length;
            while (written < bytes) {
                int n = (int) Math.min(chunk.length, bytes - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
