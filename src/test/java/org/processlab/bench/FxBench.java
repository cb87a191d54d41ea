package org.processlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import org.processlab.app.ProcessLabApp;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.run.RunSession;
import org.processlab.store.ProcessLabHome;
import org.processlab.ui.fx.FxTaskExecutor;
import org.processlab.ui.shell.ShellView;
import org.processlab.ui.shell.ShellViewModel;

/**
 * How busy the window's FX thread is while a big run goes on, against the same window idle, measured in the same
 * JVM (never a timed test: machines are shared and noisy). Run with {@code mvn -Pbench verify} (after
 * {@link EngineBench}, in a JVM started with the window's options, {@code window.jvm.compiler} and {@code window.jvm.gc} in the pom;
 * {@code -Dbench.fx.skip=true} skips it) or on its own with this class's {@code main}.
 *
 * <p>The window (the real {@link ShellView}, headless: Monocle, software rendering, 1440×900) opens a generated
 * lesson whose program starts 256 sleeping children (fork) and one child printing 100,000 lines, with the window's
 * process limit raised ({@code processlab.maxProcesses}; the program raises its own {@code RLIMIT_NPROC} soft limit
 * to the hard one). Measured for the idle window (lesson shown, no run) and for the run (from Run to its end):
 * <ul>
 *   <li><b>FX busy</b>: the sum, over pulses, of the FX thread's pulse work — from the first animation timer
 *       (the pulse coalescer feeding the views) to the end of CSS, layout and the timeline's redraw (a post-layout
 *       pulse listener) — over wall time; and, as a cross-check covering everything the FX thread does (scene sync,
 *       {@code runLater}s, input), its CPU time over wall time. Goal: under 25 %.</li>
 *   <li><b>Per redraw</b>: median and worst pulse work of the pulses in which the timeline redrew, and of the
 *       timeline's canvas drawing alone.</li>
 *   <li><b>Frame gaps</b>: the longest time between two consecutive pulses (the window's frames). Goal: none over
 *       100 ms.</li>
 * </ul>
 * The run is made {@code bench.fx.runs} times (default 3) in the same window; the table shows the first (a cold JVM:
 * its JIT compilers compete with everything for the CPU) and the last, on which the goals are read. As a user's
 * window does, this one rehearses its run views once after it opens, and the idle measurement starts after that
 * ({@code -Dprocesslab.warmUp=false} leaves it out, to see what it saves the first run).
 * Also printed: how long the FX thread was runnable but waiting for a core (Linux's schedstat; per frame gap too
 * with {@code gaps=true}).
 * Also printed: the FX thread's CPU time inside pulses and in all, the (software) render thread's CPU time, the
 * JVM's CPU by thread (GC and JIT apart) and the machine's load average — on a shared machine a pulse's wall time also counts the time
 * the FX thread waited for a core. Options: {@code -Dbench.fx.children=N}, {@code -Dbench.fx.lines=N},
 * {@code -Dbench.fx.idleSeconds=S}, {@code -Dbench.fx.gaps=true} (print each gap over 100 ms, or over
 * {@code -Dbench.fx.gapMs=N}),
 * {@code -Dbench.fx.profile=true} (sample the FX thread's stacks), {@code -Dbench.fx.pinRun=true} (the program keeps
 * to the last core, to tell the window's own cost from its competition for the CPU).
 *
 * <p>Every process it starts is ended before it returns.
 */
public final class FxBench {
    private static final int CHILDREN = Integer.getInteger("bench.fx.children", 256);
    private static final int LINES = Integer.getInteger("bench.fx.lines", 100_000);
    /** How many times the run is made; the goals are read on the last (the JVM has compiled its hot code by then). */
    private static final int RUNS = Math.max(2, Integer.getInteger("bench.fx.runs", 3));
    private static final double IDLE_SECONDS = Double.parseDouble(System.getProperty("bench.fx.idleSeconds", "5"));
    /** With {@code -Dbench.fx.pinRun=true} the program keeps to the last core (Linux), leaving the others to the JVM. */
    private static final boolean PIN_RUN = Boolean.getBoolean("bench.fx.pinRun");
    /** With {@code -Dbench.fx.profile=true}: samples of the FX thread (also shown per frame gap with gaps=true). */
    private static volatile Profiler profiler;
    private static final boolean GAPS = Boolean.getBoolean("bench.fx.gaps");
    /** With gaps=true, the frame gaps printed: those over this many ms ({@code bench.fx.gapMs}, default 100). */
    private static final double GAP_PRINT_MS = Double.parseDouble(System.getProperty("bench.fx.gapMs", "100"));

    private FxBench() {
    }

    public static void main(String[] args) throws Exception {
        headless();
        Path tmp = Files.createTempDirectory("processlab-fxbench");
        try {
            run(tmp);
        } finally {
            RunSession.closeAll();
            deleteTree(tmp);
            Platform.exit();
        }
    }

    /** The same settings as the UI tests (surefire), set before the toolkit starts. */
    private static void headless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("headless.geometry", "1440x900-32");
        setIfAbsent("processlab.maxProcesses", Integer.toString(CHILDREN + 150));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void run(Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path lessons = lesson(tmp.resolve("lessons"));
        System.setProperty("processlab.home", home.toString());

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        Window w = fx(() -> Window.open(lessons, home));
        waitFor("the lessons to load", 30, () -> w.vm.loadedProperty().get() && w.vm.selectedProperty().get() != null);
        waitFor("the lesson page", 10, () -> w.vm.exampleProperty().get() != null);
        waitFor("the run views' rehearsal", 30, () -> w.view.warmedUpProperty().get());
        Thread.sleep(1000);   // first layouts, fonts, CSS: not part of either measurement

        Meter meter = fx(() -> new Meter(w));
        fx(() -> {
            meter.start("idle");
            return null;
        });
        Thread.sleep(Math.round(IDLE_SECONDS * 1000));
        Result idle = fx(meter::stop);

        profiler = Boolean.getBoolean("bench.fx.profile") ? new Profiler() : null;
        RunResult cold = measureRun(w, meter, "first run");
        RunResult warm = null;
        for (int i = 2; i <= RUNS; i++) {
            warm = measureRun(w, meter, i == RUNS ? "run again" : "run " + i);
            if (i < RUNS) {
                printCpu(warm);
            }
        }
        if (profiler != null) {
            profiler.stopAndPrint();
        }
        fx(() -> {
            w.vm.close();
            w.stage.hide();
            return null;
        });
        RunSession.closeAll();
        report(idle, cold, warm);
        printCpu(cold);
        printCpu(warm);
        System.out.printf(Locale.ROOT, "  Machine: load average %.2f over the last minute (%d cores).%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  The program ran at the window's priority until it turned busy, then %d steps of nice below "
                + "it (-Dprocesslab.nice=N to change; 0: never lowered).%n", org.processlab.ui.shell.run.RunViewModel.exampleNice());
    }

    private static void printCpu(RunResult r) {
        {
            System.out.printf(Locale.ROOT, "  %s: this JVM used %.0f %% of one core (%.1f s CPU in %.1f s); by thread "
                    + "name (# for a number; threads that ended count too):%n", r.load().name(), 100 * r.procCpu() / r.wall(),
                    r.procCpu(), r.wall());
            double javaThreads = r.byThread().values().stream().mapToDouble(Double::doubleValue).sum();
            r.byThread().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(6)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %-34s %5.1f %% of wall%n", e.getKey(),
                            100 * e.getValue() / r.wall()));
            System.out.printf(Locale.ROOT, "    %-34s %5.1f %% of wall (GC pauses %.1f %%, JIT compiling %.1f %% of wall, "
                    + "summed over compiler threads)%n", "the JVM's own (GC, JIT)",
                    100 * Math.max(0, r.procCpu() - javaThreads) / r.wall(), 100 * r.gcSec() / r.wall(),
                    100 * r.jitSec() / r.wall());
        }
    }

    /** What one run measured, with the JVM's CPU use over it. */
    private record RunResult(Result load, RunSnapshot end, long lines, long maxAlive, double wall, double procCpu,
                             double gcSec, double jitSec, java.util.Map<String, Double> byThread) {
    }

    /** Presses Run, waits for the run to end and the window to show it; the meter covers exactly that. */
    private static RunResult measureRun(Window w, Meter meter, String name) throws Exception {
        java.util.Map<Long, Long> cpuBefore = threadCpu();
        CpuWatch watch = new CpuWatch(cpuBefore);
        long runStart = System.nanoTime();
        long procCpu0 = processCpu();
        long gc0 = gcMillis();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        RunModel before = fx(() -> w.vm.run().model());
        meter.maxAlive = 0;
        fx(() -> {
            meter.start(name);
            w.vm.runExample();
            return null;
        });
        waitFor("the run to start", 60, () -> w.vm.run().model() != null && w.vm.run().model() != before);
        RunModel model = fx(() -> w.vm.run().model());
        // the model is watched from this thread (not the FX thread's time); the window only once it has ended
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!model.snapshot().status().finished()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the run did not end in 10 minutes");
            }
            Thread.sleep(200);
        }
        waitFor("the window to show the end", 60, () -> !w.vm.run().runningProperty().get()
                && w.view.timeline().getSnapshot() != null && w.view.timeline().getSnapshot().status().finished());
        Result load = fx(meter::stop);
        double wall = (System.nanoTime() - runStart) / 1e9;
        double procCpu = (processCpu() - procCpu0) / 1e9;
        double gcSec = (gcMillis() - gc0) / 1e3;
        double jitSec = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3;
        return new RunResult(load, model.snapshot(), model.output().size(), meter.maxAlive, wall, procCpu, gcSec, jitSec,
                watch.stop());
    }

    /**
     * CPU time per Java thread over the run, sampled every 100 ms so that threads which end before the run does (the
     * run's own reader and sampler threads) are counted too; grouped by name with numbers replaced by {@code #}.
     */
    private static final class CpuWatch {
        private final java.util.Map<Long, Long> before;
        private final java.util.Map<Long, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread sampler;

        CpuWatch(java.util.Map<Long, Long> before) {
            this.before = before;
            sampler = every("fxbench-cpuwatch", 100, this::sample);
        }

        /** Cheap on purpose (it runs beside what it measures): a thread's name is looked up once. */
        private void sample() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (long id : threads.getAllThreadIds()) {
                long cpu = threads.getThreadCpuTime(id);
                if (cpu <= 0) {
                    continue;
                }
                last.put(id, cpu);
                if (!names.containsKey(id)) {
                    java.lang.management.ThreadInfo ti = threads.getThreadInfo(id);
                    if (ti != null) {
                        names.put(id, ti.getThreadName().replaceAll("[0-9]+", "#"));
                    }
                }
            }
        }

        /** Seconds of CPU per thread-name group. */
        java.util.Map<String, Double> stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
            sample();
            java.util.Map<String, Double> out = new java.util.HashMap<>();
            last.forEach((id, cpu) -> out.merge(names.getOrDefault(id, "thread " + id), (cpu - before.getOrDefault(id, 0L)) / 1e9,
                    Double::sum));
            out.remove("fxbench-cpuwatch");
            return out;
        }
    }

    /** A daemon thread that runs {@code sample} every {@code millis} ms until interrupted. */
    private static Thread every(String name, long millis, Runnable sample) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample.run();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static java.util.Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    /** A lesson folder with the benchmark's program: 256 sleeping children and a flood of lines. */
    private static Path lesson(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("01-crowd"));
        Files.writeString(dir.resolve("lesson.md"), "---\ntitle: A crowd and a flood\norder: 1\nexample: crowd.py\n---\n"
                + "# A crowd and a flood\n\n" + CHILDREN + " sleeping children, and one child printing " + LINES
                + " lines.\n");
        Files.writeString(dir.resolve("crowd.py"), String.format(Locale.ROOT, """
                import multiprocessing
                import os
                import resource
                import sys
                import time

                CHILDREN = %d
                LINES = %d
                PIN = %s


                def sleeper(go):
                    go.wait(120)


                def flood(n):
                    w = sys.stdout.write
                    for i in range(n):
                        w(f"line {i}\\n")
                    sys.stdout.flush()


                if __name__ == "__main__":
                    if PIN and hasattr(os, "sched_setaffinity") and os.cpu_count() > 1:
                        os.sched_setaffinity(0, {os.cpu_count() - 1})   # children inherit it
                    # room for the crowd: the soft process limit up to the hard one
                    soft, hard = resource.getrlimit(resource.RLIMIT_NPROC)
                    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
                        resource.setrlimit(resource.RLIMIT_NPROC, (hard, hard))
                    multiprocessing.set_start_method("fork")
                    go = multiprocessing.Event()
                    crowd = [multiprocessing.Process(target=sleeper, args=(go,)) for _ in range(CHILDREN)]
                    for p in crowd:
                        p.start()
                    print(f"{CHILDREN} children asleep", flush=True)
                    f = multiprocessing.Process(target=flood, args=(LINES,))
                    f.start()
                    f.join()
                    time.sleep(2)
                    go.set()
                    for p in crowd:
                        p.join()
                    print("all done", flush=True)
                """, CHILDREN, LINES, PIN_RUN ? "True" : "False"));
        return root;
    }

    // ------------------------------------------------------------------ the window

    /** The real window's content, as {@code ProcessLabApp} builds it. FX thread. */
    private static final class Window {
        final ShellViewModel vm;
        final ShellView view;
        final Stage stage;

        private Window(ShellViewModel vm, ShellView view, Stage stage) {
            this.vm = vm;
            this.view = view;
            this.stage = stage;
        }

        static Window open(Path lessons, Path home) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ShellViewModel vm = ProcessLabApp.viewModel(lessons, null, new ProcessLabHome(home), new FxTaskExecutor());
            ShellView view = new ShellView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1440, 900));
            stage.show();
            vm.loadLessons();
            vm.checkPython();
            return new Window(vm, view, stage);
        }
    }

    // ------------------------------------------------------------------ measuring

    /** What one phase measured. */
    private record Result(String name, double wallMs, int pulses, double pulseWorkMs, double layoutMs,
                          double fxCpuMs, double pulseCpuMs, double renderCpuMs, double[] pulseWork, double[] redrawPulseWork, double[] draws,
                          double maxGapMs, int gapsOver100, int frames, double fxWaitMs) {
        double busy() {
            return pulseWorkMs / wallMs;
        }

        double cpu() {
            return fxCpuMs / wallMs;
        }
    }

    /**
     * Times the FX thread's pulses: an animation timer started before any other marks each pulse's start; the scene's
     * pre- and post-layout pulse listeners (added after the timeline's own, so its redraw is inside) mark the layout
     * and the end of the work. FX thread only, except {@link #maxAlive}.
     */
    private static final class Meter {
        private final Window w;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long fxThread = Thread.currentThread().getId();
        private final double[] work = new double[200_000];
        private final boolean[] drew = new boolean[200_000];
        private final double[] draws = new double[200_000];
        private int pulses;
        private int drawCount;
        private long pulseStart = -1;
        private long pulseCpuStart = -1;
        private double pulseCpuNs;
        private long renderCpu0;
        private final long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        private long preAt = -1;
        private long lastPulse = -1;
        private double maxGap;
        private int gaps;
        private double layoutNs;
        private long t0;
        private long cpu0;
        private String name;
        private boolean recording;
        private boolean drewThisPulse;
        private int frames;
        volatile long maxAlive;
        /** Linux thread ids of the FX and render threads (-1 elsewhere), and their schedstat at the last pulse. */
        private final int fxTid = SchedStat.tid("JavaFX Applicat");
        private final int renderTid = SchedStat.tid("QuantumRenderer");
        private long[] fxSched = new long[3];
        private long[] renderSched = new long[3];
        private long[] fxSched0 = new long[3];
        private final AnimationTimer probe = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long cpuNow = threads.getCurrentThreadCpuTime();
                if (recording && lastPulse >= 0) {
                    double gap = (t - lastPulse) / 1e6;
                    maxGap = Math.max(maxGap, gap);
                    if (gap > 100) {
                        gaps++;
                    }
                    if (GAPS && gap > GAP_PRINT_MS) {
                        {
                            RunModel m = w.vm.run().model();
                            System.out.printf(Locale.ROOT, "GAP at %.2f s (JVM uptime %.3f s): %.0f ms, FX thread CPU in it %.0f ms "
                                            + "(processes %d, lines %d)%n", (t - t0) / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, gap,
                                    (cpuNow - pulseCpuStart) / 1e6, m == null ? 0 : m.processCount(),
                                    m == null ? 0 : m.output().size());
                            long[] fxNow = SchedStat.read(fxTid);
                            long[] renderNow = SchedStat.read(renderTid);
                            System.out.printf(Locale.ROOT, "    run queue: FX thread waited %.0f ms for a core (ran %.0f ms), "
                                            + "render thread waited %.0f ms (ran %.0f ms)%n",
                                    (fxNow[1] - fxSched[1]) / 1e6, (fxNow[0] - fxSched[0]) / 1e6,
                                    (renderNow[1] - renderSched[1]) / 1e6, (renderNow[0] - renderSched[0]) / 1e6);
                            if (profiler != null) {
                                System.out.println("    the FX thread meanwhile:" + profiler.during(lastPulse, t));
                            }
                        }
                    }
                }
                lastPulse = t;
                pulseStart = t;
                pulseCpuStart = cpuNow;
                if (GAPS) {
                    fxSched = SchedStat.read(fxTid);
                    renderSched = SchedStat.read(renderTid);
                }
            }
        };

        Meter(Window w) {
            this.w = w;
            Scene scene = w.view.getScene();
            scene.addPreLayoutPulseListener(() -> preAt = System.nanoTime());
            scene.addPostLayoutPulseListener(this::afterLayout);
            w.view.timeline().setDrawTimeListener(ns -> {
                if (recording && drawCount < draws.length) {
                    draws[drawCount++] = ns / 1e6;
                }
                drewThisPulse = true;
            });
            w.vm.run().frameProperty().addListener((o, a, f) -> {
                if (f != null && f.changed()) {
                    frames++;
                    long alive = f.snapshot().processes().stream().filter(p -> p.alive()).count();
                    if (alive > maxAlive) {
                        maxAlive = alive;
                    }
                }
            });
            probe.start();
        }

        private void afterLayout() {
            long end = System.nanoTime();
            if (recording && pulseStart >= 0 && pulses < work.length) {
                work[pulses] = (end - pulseStart) / 1e6;
                drew[pulses] = drewThisPulse;
                if (preAt >= pulseStart) {
                    layoutNs += end - preAt;
                }
                pulseCpuNs += threads.getCurrentThreadCpuTime() - pulseCpuStart;
                pulses++;
            }
            pulseStart = -1;
            drewThisPulse = false;
        }

        void start(String phase) {
            name = phase;
            pulses = 0;
            drawCount = 0;
            maxGap = 0;
            gaps = 0;
            layoutNs = 0;
            pulseCpuNs = 0;
            frames = 0;
            renderCpu0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            lastPulse = -1;
            t0 = System.nanoTime();
            cpu0 = threads.getThreadCpuTime(fxThread);
            fxSched0 = SchedStat.read(fxTid);
            recording = true;
        }

        Result stop() {
            recording = false;
            double wall = (System.nanoTime() - t0) / 1e6;
            double cpu = (threads.getThreadCpuTime(fxThread) - cpu0) / 1e6;
            double render = renderThread < 0 ? 0 : (threads.getThreadCpuTime(renderThread) - renderCpu0) / 1e6;
            double[] all = Arrays.copyOf(work, pulses);
            int n = 0;
            double[] redraws = new double[pulses];
            for (int i = 0; i < pulses; i++) {
                if (drew[i]) {
                    redraws[n++] = work[i];
                }
            }
            return new Result(name, wall, pulses, Arrays.stream(all).sum(), layoutNs / 1e6, cpu, pulseCpuNs / 1e6,
                    render, all, Arrays.copyOf(redraws, n), Arrays.copyOf(draws, drawCount), maxGap, gaps, frames,
                    (SchedStat.read(fxTid)[1] - fxSched0[1]) / 1e6);
        }
    }

    /** With {@code -Dbench.fx.profile=true}: samples the FX thread's stack every 2 ms and prints the top ones. */
    private static final class Profiler {
        private final java.util.Map<String, Integer> hist = new java.util.concurrent.ConcurrentHashMap<>();
        /** {nanoTime, short stack} per sample, to say what the thread did inside one frame gap. */
        private final java.util.List<Object[]> timeline = new java.util.ArrayList<>();

        /** The most frequent short stacks sampled between two nanoTimes. */
        String during(long from, long to) {
            java.util.Map<String, Integer> h = new java.util.HashMap<>();
            synchronized (timeline) {
                for (Object[] e : timeline) {
                    long t = (Long) e[0];
                    if (t >= from && t <= to) {
                        h.merge((String) e[1], 1, Integer::sum);
                    }
                }
            }
            StringBuilder b = new StringBuilder();
            h.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(3)
                    .forEach(e -> b.append("\n      ").append(e.getValue()).append("x ").append(e.getKey()));
            return b.toString();
        }
        private final Thread sampler;

        Profiler() {
            Thread fx = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(System.getProperty("bench.fx.profileThread", "JavaFX Application Thread")))
                    .findFirst().orElseThrow();
            int depth = Integer.getInteger("bench.fx.profileDepth", 18);
            sampler = every("fxbench-profiler", 2, () -> {
                StringBuilder b = new StringBuilder(fx.getState().toString());
                StackTraceElement[] st = fx.getStackTrace();
                for (int i = 0; i < Math.min(depth, st.length); i++) {
                    String c = st[i].getClassName();
                    b.append(" < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(st[i].getMethodName());
                }
                hist.merge(b.toString(), 1, Integer::sum);
                String key = b.length() > 160 ? b.substring(0, 160) : b.toString();
                synchronized (timeline) {
                    timeline.add(new Object[] {System.nanoTime(), key});
                }
            });
        }

        void stopAndPrint() {
            sampler.interrupt();
            hist.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(30)
                    .forEach(e -> System.out.println("PROFILE " + e.getValue() + " " + e.getKey()));
        }
    }

    /**
     * A thread's line of Linux's {@code /proc/self/task/TID/schedstat}: nanoseconds on a CPU, nanoseconds runnable but
     * waiting in a run queue, and time slices (the kernel's {@code Documentation/scheduler/sched-stats.rst}). Zeros
     * where there is no such file.
     */
    private static final class SchedStat {
        private SchedStat() {
        }

        /** The id of the first of this JVM's threads whose kernel name ({@code comm}, 15 characters) is {@code comm}. */
        static int tid(String comm) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        if (Files.readString(t.resolve("comm")).strip().equals(comm)) {
                            return Integer.parseInt(t.getFileName().toString());
                        }
                    } catch (IOException ignored) {
                        // the thread ended
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        static long[] read(int tid) {
            if (tid < 0) {
                return new long[3];
            }
            try {
                String[] f = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")).strip().split(" ");
                return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
            } catch (IOException | RuntimeException e) {
                return new long[3];
            }
        }
    }

    // ------------------------------------------------------------------ report

    private static void report(Result idle, RunResult cold, RunResult warm) {
        System.out.printf(Locale.ROOT, "%nProcessLab window benchmark: the FX thread, headless (Monocle, software "
                + "rendering, 1440x900), %d cores%n", Runtime.getRuntime().availableProcessors());
        for (RunResult r : List.of(cold, warm)) {
            RunSnapshot end = r.end();
            System.out.printf(Locale.ROOT, "%s: %d sleeping children + 1 child printing %,d lines%s; %d processes in "
                            + "the run, %d alive at once at most; %,d lines counted; status %s%s%n", r.load().name(),
                    CHILDREN, LINES, PIN_RUN ? " (the program kept to one core)" : "", end.processes().size(),
                    r.maxAlive(), r.lines(), end.status(),
                    end.stoppedBy() != null ? " (stopped: " + end.stoppedBy() + ")" : "");
        }
        System.out.printf(Locale.ROOT, "The run is made %d times in this window; the first is also the JVM's first and "
                + "pays for compiling the code it runs (JIT). The goals are read on the last.%n", RUNS);
        Result load = warm.load();
        Result first = cold.load();
        String f = "  %-50s %12s %12s %12s %9s%n";
        System.out.printf(Locale.ROOT, f, "", "idle window", "first run", "run again", "again/idle");
        row(f, "wall time (s)", idle.wallMs() / 1000, first.wallMs() / 1000, load.wallMs() / 1000, "%.1f");
        row(f, "pulses (frames drawn by JavaFX)", idle.pulses(), first.pulses(), load.pulses(), "%.0f");
        row(f, "model frames handed to the views", idle.frames(), first.frames(), load.frames(), "%.0f");
        row(f, "FX busy: pulse work / wall (goal < 25 %)", 100 * idle.busy(), 100 * first.busy(), 100 * load.busy(),
                "%.2f %%");
        row(f, "  of it CSS + layout + timeline redraw", 100 * idle.layoutMs() / idle.wallMs(),
                100 * first.layoutMs() / first.wallMs(), 100 * load.layoutMs() / load.wallMs(), "%.2f %%");
        row(f, "FX thread CPU time in pulse work / wall", 100 * idle.pulseCpuMs() / idle.wallMs(),
                100 * first.pulseCpuMs() / first.wallMs(), 100 * load.pulseCpuMs() / load.wallMs(), "%.2f %%");
        row(f, "FX thread CPU time / wall (everything)", 100 * idle.cpu(), 100 * first.cpu(), 100 * load.cpu(), "%.2f %%");
        row(f, "FX thread runnable, waiting for a core / wall", 100 * idle.fxWaitMs() / idle.wallMs(),
                100 * first.fxWaitMs() / first.wallMs(), 100 * load.fxWaitMs() / load.wallMs(), "%.2f %%");
        row(f, "render thread CPU time / wall (software)", 100 * idle.renderCpuMs() / idle.wallMs(),
                100 * first.renderCpuMs() / first.wallMs(), 100 * load.renderCpuMs() / load.wallMs(), "%.2f %%");
        row(f, "pulse work, median (ms)", median(idle.pulseWork()), median(first.pulseWork()),
                median(load.pulseWork()), "%.2f");
        row(f, "redraw: pulse work when the timeline drew, median (ms)", median(idle.redrawPulseWork()),
                median(first.redrawPulseWork()), median(load.redrawPulseWork()), "%.2f");
        row(f, "redraw: pulse work when the timeline drew, worst (ms)", max(idle.redrawPulseWork()),
                max(first.redrawPulseWork()), max(load.redrawPulseWork()), "%.2f");
        row(f, "timeline canvas draws", idle.draws().length, first.draws().length, load.draws().length, "%.0f");
        row(f, "timeline canvas draw, median (ms)", median(idle.draws()), median(first.draws()), median(load.draws()),
                "%.2f");
        row(f, "timeline canvas draw, worst (ms)", max(idle.draws()), max(first.draws()), max(load.draws()), "%.2f");
        row(f, "longest gap between frames (goal <= 100 ms)", idle.maxGapMs(), first.maxGapMs(), load.maxGapMs(),
                "%.1f");
        row(f, "frame gaps over 100 ms", idle.gapsOver100(), first.gapsOver100(), load.gapsOver100(), "%.0f");
        boolean busyOk = load.busy() < 0.25;
        boolean gapOk = load.maxGapMs() <= 100;
        System.out.printf(Locale.ROOT, "  Run again: FX busy under 25 %% of wall time: %s (%.1f %%); no frame gap over "
                + "100 ms: %s (longest %.0f ms)%n", busyOk ? "yes" : "NO", 100 * load.busy(), gapOk ? "yes" : "NO",
                load.maxGapMs());
    }

    private static void row(String f, String what, double idle, double first, double load, String fmt) {
        String ratio = idle > 0 ? String.format(Locale.ROOT, "%.1fx", load / idle) : "-";
        System.out.printf(Locale.ROOT, f, what, String.format(Locale.ROOT, fmt, idle),
                String.format(Locale.ROOT, fmt, first), String.format(Locale.ROOT, fmt, load), ratio);
    }

    private static double median(double[] xs) {
        if (xs.length == 0) {
            return 0;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    // ------------------------------------------------------------------ helpers

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }
}
