package org.processlab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one process's lane shows, derived from its {@link ProcessFacts}: when it started and ended, and the spans of
 * its life ({@link LifeState}) and of its kernel states. Every time is epoch µs, {@code -1} while not known.
 *
 * <ul>
 *   <li>A Process object not started yet is {@link LifeState#CREATED} until its process starts, or until its
 *       {@code start()} raised or the process holding it ended (then it never will).</li>
 *   <li>A process is {@code CREATED} from when its object was made to its start, then {@code RUNNING}, except while
 *       it waits in {@code join()} ({@code WAITING_JOIN}); from its end a {@code ZOMBIE} until its parent reaps it,
 *       then {@code ENDED}. A zombie that ProcessLab's supervisor reaped (it reaps at once) shows no zombie time.</li>
 *   <li>A process whose end no source saw while ProcessLab's supervisor was there, nor since, is {@code LOST} from
 *       the supervisor's loss (or its own start, if later) on: it has no end time, and is never said to have ended.</li>
 *   <li>What is still going on when the run has ended ends at the run's end.</li>
 * </ul>
 *
 * <p>Threading: stateless; called by {@link RunModel#snapshot()} while it holds the model's lock.
 */
final class LaneStates {
    private static final Comparator<JoinView> BY_FROM = Comparator.comparingLong(JoinView::from);

    private LaneStates() {
    }

    /** When the OS process began (main's is bounded below by the run's start); -1 for a Process object not started. */
    static long startedAt(ProcessFacts p, RunFacts run) {
        if (p.standIn()) {
            return -1;      // its start() may have been called (and raised): it still has no process
        }
        return p.startedAt(p.key.pid() == run.rootPid ? run.startedAt : -1);
    }

    /**
     * When it was lost from view: the supervisor's loss (or its own start, if later), for a started process no source
     * has seen end; else -1.
     */
    static long lostAt(ProcessFacts p, long started, RunFacts run) {
        SupervisorLoss loss = run.supervisorLoss;
        if (loss == null || p.standIn() || started < 0 || p.endFact() >= 0) {
            return -1;
        }
        return Math.max(loss.t(), started);
    }

    /**
     * When it ended: its earliest end fact, the run's end for one that outlived the run's record, never before it
     * began; -1 for one lost from view ({@link #lostAt}).
     */
    static long endedAt(ProcessFacts p, long started, RunFacts run) {
        if (lostAt(p, started, run) >= 0) {
            return -1;
        }
        long ended = p.endFact();
        if (ended < 0 && run.endKnown() && started >= 0) {
            ended = run.endedAt;
        }
        if (ended >= 0 && started >= 0 && ended < started) {
            ended = started;
        }
        return ended;
    }

    /** Its life's spans, in time order; {@code started} and {@code ended} as {@link #startedAt} and {@link #endedAt}. */
    static List<Span<LifeState>> lifeStates(ProcessFacts p, long started, long ended, RunFacts run, ProcessTable table) {
        List<Span<LifeState>> states = new ArrayList<>();
        if (p.createdAt >= 0 && started > p.createdAt) {
            states.add(new Span<>(LifeState.CREATED, p.createdAt, started));
        }
        if (p.standIn()) {
            states.add(notStarted(p, run, table));
            return List.copyOf(states);
        }
        if (started < 0) {
            return List.copyOf(states);
        }
        long lost = lostAt(p, started, run);
        long runEnd = ended >= 0 ? ended : lost >= 0 ? lost : Span.OPEN;
        long cursor = started;
        for (JoinView j : inTimeOrder(p.joins)) {
            long from = Math.max(j.from(), cursor);
            long to = Math.min(j.to(), runEnd);
            if (from >= runEnd || to <= from) {
                continue;
            }
            if (from > cursor) {
                states.add(new Span<>(LifeState.RUNNING, cursor, from));
            }
            states.add(new Span<>(LifeState.WAITING_JOIN, from, to));
            cursor = to;
        }
        if (cursor < runEnd) {
            states.add(new Span<>(LifeState.RUNNING, cursor, runEnd));
        }
        if (lost >= 0) {
            states.add(new Span<>(LifeState.LOST, lost, Span.OPEN));
        }
        if (ended >= 0) {
            long reaped = p.reapedOrJoinedAt();
            long zombieEnd = -1;
            if (reaped > ended && !p.reapedBySupervisor) {
                zombieEnd = reaped;
            } else if (reaped < 0 && p.zombieSeenAt >= 0) {
                zombieEnd = p.vanishedAt >= 0 ? p.vanishedAt : run.endKnown() && run.endedAt > ended ? run.endedAt : Span.OPEN;
            }
            if (zombieEnd > ended) {
                states.add(new Span<>(LifeState.ZOMBIE, ended, zombieEnd));
            }
            if (zombieEnd != Span.OPEN) {
                states.add(new Span<>(LifeState.ENDED, Math.max(ended, zombieEnd), Span.OPEN));
            }
        }
        return List.copyOf(states);
    }

    /**
     * A Process object's lane: created until now, or until its {@code start()} raised (it will get no process), or
     * until the process holding it ended.
     */
    private static Span<LifeState> notStarted(ProcessFacts standIn, RunFacts run, ProcessTable table) {
        ProcessFacts holder = table.latest(standIn.parent);
        long gone = holder == null ? -1 : holder.endFact();
        if (standIn.startFailure != null) {
            gone = gone < 0 ? standIn.startFailure.t() : Math.min(gone, standIn.startFailure.t());
        }
        if (gone < 0 && run.endKnown()) {
            gone = run.endedAt;
        }
        return new Span<>(LifeState.CREATED, standIn.createdAt, gone >= 0 ? Math.max(gone, standIn.createdAt) : Span.OPEN);
    }

    /** The joins by the time they began (they usually come so: then no copy is made). */
    private static List<JoinView> inTimeOrder(List<JoinView> joins) {
        for (int i = 1; i < joins.size(); i++) {
            if (joins.get(i).from() < joins.get(i - 1).from()) {
                List<JoinView> sorted = new ArrayList<>(joins);
                sorted.sort(BY_FROM);
                return sorted;
            }
        }
        return joins;
    }

    /**
     * The sampled kernel states as spans, in time order: each lasts until the next sample, else until the process was
     * reaped or vanished, else until it ended (a zombie sample lasts on), else while the run goes on.
     */
    static List<Span<KernelStateKind>> kernelStates(ProcessFacts p, long ended, RunFacts run) {
        List<KernelSample> samples = p.kernel;
        if (samples.isEmpty()) {
            return List.of();
        }
        long reaped = p.reapedOrJoinedAt();
        List<Span<KernelStateKind>> spans = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            KernelSample k = samples.get(i);
            KernelStateKind kind = KernelStateKind.of(k.state());
            if (kind == null) {
                continue;
            }
            long to = i + 1 < samples.size() ? samples.get(i + 1).t() : reaped >= 0 ? reaped
                    : p.vanishedAt >= 0 ? p.vanishedAt : ended >= 0 && kind != KernelStateKind.ZOMBIE ? ended : Span.OPEN;
            if (reaped >= 0) {
                to = Math.min(to, Math.max(k.t(), reaped));
            }
            if (to == Span.OPEN && run.endKnown()) {
                to = Math.max(k.t(), run.endedAt);
            }
            spans.add(new Span<>(kind, k.t(), to));
        }
        return List.copyOf(spans);
    }
}
