package org.processlab.model;

/**
 * What program a process runs, as its sources name it: the argv its parent spawned it with, the {@code /proc} sampler's
 * short name, its agent's word, and the programs it became by {@code exec}, whoever saw them. Whatever order the
 * sources' events arrive in, the process ends up with the same names.
 *
 * <p>Threading: holds no state; called by {@link EventApplier} on the ingest thread under the model's lock.
 */
final class Programs {
    private Programs() {
    }

    /**
     * The argv its parent spawned {@code p} with: its command before any exec, unless an agent named it already. The
     * sampler's word yields to it whichever came first, so the order the two arrive in does not change the name.
     */
    static void startedAs(ProcessFacts p, String argv) {
        if (p.commandAtStart() != null && !p.commandFromSampler) {
            return;
        }
        if (p.execs.isEmpty()) {
            p.command = argv;
        } else {
            p.commandBeforeFirstExec = argv;
            if (p.execs.size() == 1) {
                p.commandBeforeExec = argv;
            }
        }
        p.commandFromSampler = false;
    }

    /**
     * {@code p} ran {@code exec}, as {@code e}'s witness saw it: the exec is added to its list and names it from then
     * on, unless the other witness reported the same exec already (one exec is kept, at the agent's time), or the
     * sampler saw the program it is already called by. The exec that finishes a spawn only names it, as the sampler's
     * word ({@link ExecWitness#SAMPLER_SPAWN}).
     */
    static void execed(ProcessFacts p, RunEvent.Execed e) {
        if (e.witness() == ExecWitness.SAMPLER_SPAWN) {
            if (p.execs.isEmpty() && (p.command == null || p.commandFromSampler) && e.command() != null) {
                p.command = e.command();
                p.commandFromSampler = true;
            }
            return;
        }
        int last = p.execs.size() - 1;
        ExecView exec = new ExecView(e.t(), e.path(), e.command());
        boolean bySampler = e.witness() == ExecWitness.SAMPLER;
        if (last >= 0 && p.lastExecBySampler != bySampler && sameProgram(p.execs.get(last), exec)) {
            // the other source's word on the exec already here: the agent's (the call's own time) wins
            if (!bySampler) {
                p.execs.set(last, exec);
                p.lastExecBySampler = false;
            }
            return;
        }
        if (bySampler && e.command() != null && e.command().equals(p.command)) {
            return;    // it runs what it was already called by
        }
        if (p.execs.isEmpty()) {
            p.commandBeforeFirstExec = p.command;
        }
        p.execs.add(exec);
        p.lastExecBySampler = bySampler;
        p.commandBeforeExec = p.command;
        if (e.command() != null) {
            p.command = e.command();
        }
    }

    /**
     * Two words on one exec: the same command line, or, where one source gave no arguments, a program file of the
     * same name (the agent gives the path the program named, the sampler the file's real path).
     */
    private static boolean sameProgram(ExecView a, ExecView b) {
        if (a.command() != null && b.command() != null) {
            return a.command().equals(b.command());
        }
        return a.path() != null && b.path() != null && fileName(a.path()).equals(fileName(b.path()));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
