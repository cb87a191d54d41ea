package org.processlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.processlab.export.SavedRun;
import org.processlab.export.RunOrigin;
import org.processlab.model.LineBatch;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * The cost of a saved run of 1,000,000 lines (main and three children taking turns, 60 to 80 characters each): the
 * time to write it ({@link SavedRun#write}) and to read it back ({@link SavedRun#read}), the read also as a ratio
 * against a bare pass of the JSON parser over the same file (tokens only, no value made), the file's size, and the peak
 * heap of each, against the heap the run itself holds in memory. Medians of {@code -Dbench.rounds} rounds after one
 * warm-up. Runs with {@code mvn -Pbench verify}, or alone:
 * {@code java -cp target/processlab.jar:target/test-classes org.processlab.bench.SavedRunBench}
 * ({@code -Dbench.file=PATH} keeps the file written).
 */
public final class SavedRunBench {
    private SavedRunBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int lines = Integer.getInteger("bench.lines", 1_000_000);
        Path dir = Files.createTempDirectory("processlab-bench");
        String keep = System.getProperty("bench.file");
        Path file = keep != null ? Path.of(keep) : dir.resolve("run.json");
        System.gc();
        long before = usedHeap();
        RunModel model = run(lines);
        System.gc();
        long held = usedHeap() - before;
        SavedRun saved = SavedRun.of(model, RunOrigin.NONE);
        List<Double> writes = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> tokens = new ArrayList<>();
        long writePeak = 0;
        long readPeak = 0;
        for (int i = 0; i <= rounds; i++) {
            System.gc();
            long base = usedHeap();
            resetPeaks();
            long t0 = System.nanoTime();
            saved.write(file);
            double w = (System.nanoTime() - t0) / 1e6;
            long wp = peakHeap() - base;
            System.gc();
            base = usedHeap();
            resetPeaks();
            t0 = System.nanoTime();
            SavedRun back = SavedRun.read(file);
            double r = (System.nanoTime() - t0) / 1e6;
            long rp = peakHeap() - base;
            if (back.output().size() != lines) {
                throw new IllegalStateException("read " + back.output().size() + " lines of " + lines);
            }
            back = null;
            t0 = System.nanoTime();
            try (com.fasterxml.jackson.core.JsonParser json = new com.fasterxml.jackson.core.JsonFactory()
                    .createParser(file.toFile())) {
                while (json.nextToken() != null) {
                    // tokens only: the least any reader of the file does
                }
            }
            double bare = (System.nanoTime() - t0) / 1e6;
            if (i == 0) {
                continue;   // warm-up: JIT, page cache
            }
            writes.add(w);
            reads.add(r);
            tokens.add(bare);
            writePeak = Math.max(writePeak, wp);
            readPeak = Math.max(readPeak, rp);
        }
        System.out.printf("saved run of %,d lines, %d rounds (medians), max heap %.0f MiB%n", lines, rounds,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf("  the run held in memory          : %.0f MiB%n", held / 1048576.0);
        System.out.printf("  file                            : %.1f MiB%n", Files.size(file) / 1048576.0);
        System.out.printf("  write                           : %.0f ms, heap above the run's at most %.0f MiB%n",
                median(writes), writePeak / 1048576.0);
        System.out.printf("  read (parse, check, rebuild)    : %.0f ms (%.1fx a bare token pass: %.0f ms), heap at most"
                + " %.0f MiB%n", median(reads), median(reads) / median(tokens), median(tokens), readPeak / 1048576.0);
        if (keep == null) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    /** A finished run of {@code lines} lines from four processes, appended as the ingest does (byte slices). */
    private static RunModel run(int lines) {
        RunModel model = new RunModel();
        long t0 = 1_796_617_687_000_000L;
        model.append(new RunEvent.RunStarted(t0, "flood", List.of("python3", "flood.py"), null));
        model.append(new RunEvent.RootSpawned(t0 + 1_000, 5000, 1));
        model.append(new RunEvent.ProcessSeen(t0 + 1_500, 5000, 4999, 1, -1, "python3 flood.py", true));
        for (int c = 1; c <= 3; c++) {
            model.append(new RunEvent.ProcessSeen(t0 + 2_000 + c, 5000 + c, 5000, 10 + c, -1, "python3 flood.py", true));
        }
        LineBatch batch = new LineBatch();
        for (int i = 0; i < lines; i += 100) {
            batch.clear();
            long pid = 5000 + (i / 100) % 4;
            for (int k = i; k < Math.min(lines, i + 100); k++) {
                batch.add("line " + k + " from process " + pid + " " + "x".repeat(40 + k % 21));
            }
            model.appendLines(t0 + 10_000 + i * 7L, pid, (i / 100) % 9 == 0 ? Stream.STDERR : Stream.STDOUT, batch,
                    false);
        }
        model.append(new RunEvent.RunEnded(t0 + 10_000 + lines * 7L + 5_000, 0));
        return model;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                m.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                sum += m.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
