package org.processlab.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;

/**
 * Speed and memory of the run engine, each reported as a ratio against a baseline measured in the same
 * run (never as a timed test: machines are shared and noisy). Run with {@code mvn -Pbench verify}
 * (or {@code -Dbench.rounds=N}).
 *
 * <ol>
 *   <li><b>Lesson run</b>: the seed's square/cube example. Time from Run to the first process in the
 *       model, and the whole run's wall time, against the same program started without ProcessLab's
 *       supervisor and tracer, its output read through a pipe and thrown away.</li>
 *   <li><b>Flood</b>: a program printing 1,000,000 lines. Lines counted / printed (must be exactly 1),
 *       wall time against the same program with its output piped and thrown away, and the peak heap.</li>
 *   <li><b>Idle crowd</b>: 128 children asleep for 3 s; the CPU time their processes used meanwhile (the tracer's
 *       stdout flusher included: it must not poll while a process is quiet), in milliseconds per second of sleep,
 *       against the same program untraced.</li>
 * </ol>
 * The window benchmark, {@link FxBench}, runs after it in a JVM of its own, started with the window's options
 * ({@code -Dbench.fx.skip=true} skips it).
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("processlab.repo", ".")).toAbsolutePath();
        int rounds = Integer.getInteger("bench.rounds", 7);
        PythonInterpreter py = PythonInterpreter.locate(null);
        System.out.println("ProcessLab engine benchmark — " + py.executable() + " " + py.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + rounds + " rounds (medians)");

        Path lesson = repo.resolve("lessons/02-first-processes/multiprocessing_s1_e1.py");
        lessonRun(py, lesson, rounds);
        flood(py, repo.resolve("src/test/resources/cases/flood.py"), Math.max(3, rounds / 2));
        idleCrowd(py, Math.max(2, rounds / 3));
    }

    private static void lessonRun(PythonInterpreter py, Path script, int rounds) throws Exception {
        List<Double> traced = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> firstLane = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            double p = plainRun(py, script, List.of());
            long[] first = {-1};
            long t0 = System.nanoTime();
            RunModel model = new RunModel();
            model.onDirty(() -> {
                if (first[0] < 0 && !model.snapshot().processes().isEmpty()) {
                    first[0] = System.nanoTime();
                }
                model.clearDirty();
            });
            RunSession s = RunSession.start(PythonTrack.spec(py, script, List.of(), null, "bench"), model);
            RunSnapshot end = s.ended().get();
            double wall = (System.nanoTime() - t0) / 1e6;
            if (end.rootStatus() == null || end.rootStatus() != 0) {
                throw new IllegalStateException("lesson run failed: " + end.error());
            }
            if (i == 0) {
                continue;   // warm-up: JIT, page cache
            }
            plain.add(p);
            traced.add(wall);
            firstLane.add((first[0] - t0) / 1e6);
        }
        double mp = median(plain);
        double mt = median(traced);
        System.out.printf("%nLesson 02 (square/cube), %d rounds%n", rounds);
        System.out.printf("  Run -> first process in the model : median %.1f ms (worst %.1f ms)%n", median(firstLane), Collections.max(firstLane));
        System.out.printf("  wall time in ProcessLab           : median %.1f ms%n", mt);
        System.out.printf("  same program, no tracer, piped    : median %.1f ms (baseline)%n", mp);
        System.out.printf("  ratio traced / baseline           : %.2fx%n", mt / mp);
    }

    private static void flood(PythonInterpreter py, Path script, int rounds) throws Exception {
        List<Double> traced = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        long peakHeap = 0;
        long counted = 0;
        for (int i = 0; i < rounds; i++) {
            plain.add(plainRun(py, script, List.of("1000000")));
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            RunModel model = new RunModel();
            RunSession s = RunSession.start(PythonTrack.spec(py, script, List.of("1000000"), null, "flood"), model);
            s.ended().get();
            traced.add((System.nanoTime() - t0) / 1e6);
            peakHeap = Math.max(peakHeap, peakHeapBytes());
            counted = model.output().size();
            if (counted != 1_000_000) {
                throw new IllegalStateException("counted " + counted + " lines of 1,000,000");
            }
        }
        double mp = median(plain);
        double mt = median(traced);
        System.out.printf("%nFlood: 1,000,000 lines, %d rounds%n", rounds);
        System.out.printf("  lines counted / printed           : %d / 1000000 = %.6f%n", counted, counted / 1e6);
        System.out.printf("  wall time in ProcessLab           : median %.0f ms%n", mt);
        System.out.printf("  same program, piped to nowhere    : median %.0f ms (baseline)%n", mp);
        System.out.printf("  ratio traced / baseline           : %.2fx (goal: at most 2x)%n", mt / mp);
        System.out.printf("  peak heap during the run          : %.0f MiB%n", peakHeap / 1048576.0);
    }

    /** The crowd program: N children that sleep S seconds and say how much CPU their process used meanwhile. */
    private static final String CROWD = """
            import multiprocessing
            import sys
            import time


            def sleeper(seconds):
                t0 = time.process_time()      # the whole process: our tracer's thread counts too
                time.sleep(seconds)
                sys.stdout.write(f"cpu {time.process_time() - t0:.6f}\\n")   # one write: lines of a crowd never mix
                sys.stdout.flush()


            if __name__ == "__main__":
                multiprocessing.set_start_method("fork")
                n, seconds = int(sys.argv[1]), float(sys.argv[2])
                crowd = [multiprocessing.Process(target=sleeper, args=(seconds,)) for _ in range(n)]
                for p in crowd:
                    p.start()
                for p in crowd:
                    p.join()
            """;

    /**
     * What sleeping costs: 128 children sleep 3 s, traced and not; each reports the CPU time its process used while
     * it slept (its tracer's flusher thread included). Summed over the children, per second of sleep.
     */
    private static void idleCrowd(PythonInterpreter py, int rounds) throws Exception {
        int n = 128;
        double seconds = 3;
        Path script = Files.createTempFile("processlab-crowd", ".py");
        try {
            Files.writeString(script, CROWD);
            List<Double> traced = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                plain.add(crowdCpu(plainOutput(py, script, List.of(Integer.toString(n), Double.toString(seconds))), n));
                RunModel model = new RunModel();
                RunSession s = RunSession.start(PythonTrack.spec(py, script, List.of(Integer.toString(n),
                        Double.toString(seconds)), null, "crowd"), model);
                s.ended().get();
                StringBuilder out = new StringBuilder();
                for (var l : model.output().range(0, model.output().size())) {
                    out.append(l.text()).append('\n');
                }
                traced.add(crowdCpu(out.toString(), n));
            }
            double mt = median(traced) / seconds * 1000;
            double mp = median(plain) / seconds * 1000;
            System.out.printf("%nIdle crowd: %d children asleep for %.0f s, %d rounds%n", n, seconds, rounds);
            System.out.printf("  CPU used while asleep, traced     : median %.1f ms per second of sleep (all %d)%n", mt, n);
            System.out.printf("  same program, not traced          : median %.1f ms per second of sleep (baseline)%n", mp);
            System.out.printf("  traced, per child                 : %.3f ms per second (%.2f %% of one core for all)%n",
                    mt / n, mt / 10);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static double crowdCpu(String output, int n) {
        double sum = 0;
        int seen = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("cpu ")) {
                sum += Double.parseDouble(line.substring(4).trim());
                seen++;
            }
        }
        if (seen != n) {
            throw new IllegalStateException(seen + " of " + n + " children reported:\n" + output);
        }
        return sum;
    }

    /** The program started directly, no supervisor or tracer, stdout and stderr on one pipe, Python's own buffering. */
    private static ProcessBuilder plain(PythonInterpreter py, Path script, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(py.executable().toString(), script.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("PYTHONUNBUFFERED");
        return pb;
    }

    /** Runs the program directly and returns what it printed. */
    static String plainOutput(PythonInterpreter py, Path script, List<String> args) throws Exception {
        Process p = plain(py, script, args).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Runs the program directly, output piped and discarded; wall milliseconds. */
    static double plainRun(PythonInterpreter py, Path script, List<String> args) throws Exception {
        ProcessBuilder pb = plain(py, script, args);
        long t0 = System.nanoTime();
        Process p = pb.start();
        AtomicLong n = new AtomicLong();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                n.addAndGet(r);
            }
        }
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                m.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                sum += m.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
