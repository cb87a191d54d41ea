package org.processlab.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.processlab.model.RunModel;
import org.processlab.model.StopReason;

/**
 * The run's own thread while its program runs: samples {@code /proc} ({@link ProcessSampler}) until the supervisor
 * exits, and after each sample enforces the {@link RunLimits} and asks whether the run turned busy.
 *
 * <p>Pace: a sample every {@link #SAMPLE_EVERY}; when one sample costs more than a tenth of that (a run of hundreds
 * of processes), less often, keeping sampling to about a tenth of a core, but never less often than
 * {@link #SAMPLE_AT_LEAST_EVERY}, or a short-lived orphan could go by unseen. The cost is a moving average: one slow
 * sample (a cold JVM, a busy machine) is not the rule.
 *
 * <p>Threading: {@link #watch} runs on the run's thread; all its state is local to that call.
 */
final class RunWatch {
    /** How often the OS sampler looks at the process tree (less often when one look costs over 2 ms). */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(20);
    /**
     * The longest wait between two {@code /proc} samples, however costly they are: a process re-parented to the
     * supervisor (an orphan) is seen as such if it lives this long after its parent ended.
     */
    static final Duration SAMPLE_AT_LEAST_EVERY = Duration.ofMillis(250);

    /** What the watch asks of its run. Called on the run's thread. */
    interface Run {
        /** True once the run is being stopped (limits are no longer checked). */
        boolean stopping();

        /** Stops the run for {@code reason}. */
        void stop(StopReason reason);

        /** Lowers the run if it turned busy. */
        void lowerIfBusy();
    }

    private final ProcessSampler sampler;
    private final RunModel model;
    private final RunLimits limits;
    private final Run run;
    private final RunContainment containment;

    /** {@code containment}: the run's groups, whose pids controller says when the kernel refused a fork (or null). */
    RunWatch(ProcessSampler sampler, RunModel model, RunLimits limits, Run run, RunContainment containment) {
        this.sampler = sampler;
        this.model = model;
        this.limits = limits;
        this.run = run;
        this.containment = containment;
    }

    /** Samples until {@code supervisor} has exited, then once more. The time limit counts from this call. */
    void watch(Process supervisor) throws InterruptedException {
        long start = System.nanoTime();
        long wait = SAMPLE_EVERY.toMillis();
        double scanCost = 0;   // ms, a moving average
        while (!supervisor.waitFor(wait, TimeUnit.MILLISECONDS)) {
            long s0 = System.nanoTime();
            sampler.scan();
            double cost = (System.nanoTime() - s0) / 1e6;
            scanCost = scanCost == 0 ? Math.min(cost, SAMPLE_AT_LEAST_EVERY.toMillis() / 10.0) : 0.8 * scanCost + 0.2 * cost;
            wait = Math.max(SAMPLE_EVERY.toMillis(), Math.min(SAMPLE_AT_LEAST_EVERY.toMillis(), Math.round(scanCost * 10)));
            if (!run.stopping()) {
                StopReason over = limits.passed(Math.max(sampler.seenCount(), model.processCount()),
                        containment == null ? -1 : containment.forksRefused(), start, System.nanoTime());
                if (over != null) {
                    run.stop(over);
                }
            }
            run.lowerIfBusy();
        }
        sampler.scan();
    }
}
