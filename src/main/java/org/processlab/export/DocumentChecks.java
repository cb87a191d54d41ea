package org.processlab.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run document must hold together, checked once the whole of it is read (a JSON parser sees one value at a
 * time): every join's child is a process of the document; a stand-in's number is negative and only where there is
 * no PID; and, from format 2 on, the line numbers {@code n} are each of {@code 0 … outputLines-1} exactly once. A line
 * may be given twice only under two processes with one PID (the kernel reused it: the run's output knows writers by
 * PID alone, so both list that PID's lines), and then as the same line. Stateless.
 */
final class DocumentChecks {
    private DocumentChecks() {
    }

    /** Checks {@code doc}; throws a {@link RunDocumentException.Kind#BROKEN} saying what does not fit, and where. */
    static void check(RunDocument doc) throws RunDocumentException {
        Set<Long> pids = new HashSet<>();
        for (RunDocument.Process p : doc.processes()) {
            if (p.pid() != null) {
                pids.add(p.pid());
            }
        }
        List<RunDocument.Process> processes = doc.processes();
        for (int i = 0; i < processes.size(); i++) {
            RunDocument.Process p = processes.get(i);
            if (p.standIn() != null && (p.pid() != null || p.standIn() >= 0)) {
                throw broken("processes[" + i + "].standIn", p.pid() != null
                        ? "a process with a PID stands in for nothing (standIn is for a Process object never started)"
                        : "a stand-in's number is negative, not " + p.standIn());
            }
            if (p.startFailed() != null && p.pid() != null) {
                throw broken("processes[" + i + "].startFailed", "a process with a PID was started: startFailed is for a"
                        + " Process object whose start() raised");
            }
            if (p.depth() != null && p.depth() < 0) {
                throw broken("processes[" + i + "].depth", "a depth is 0 or more, not " + p.depth());
            }
            for (int j = 0; j < p.joins().size(); j++) {
                long child = p.joins().get(j).child();
                if (!pids.contains(child)) {
                    throw broken("processes[" + i + "].joins[" + j + "].child",
                            "the join waits for process " + child + ", which is not in the document");
                }
            }
        }
        if (doc.formatVersion() >= 2) {
            LineOrder.of(doc);
        }
    }

    static RunDocumentException broken(String where, String problem) {
        return new RunDocumentException(problem, where, -1, -1, null);
    }

    /**
     * Where each line of the run's output is in a document of format 2: line {@code n} is line {@code index[n]} of
     * writer {@code writer[n]}, the writers being the processes with a PID, in order, then {@code otherOutput}'s.
     */
    record LineOrder(List<Writer> writers, int[] writer, int[] index) {
        /** One writer of lines in the document, with its place there for messages. */
        record Writer(long pid, List<RunDocument.Line> output, String where) {
            /** The place of its line {@code k}, for a message (made only then: a document has a million lines). */
            String where(int k) {
                return where + ".output[" + k + "]";
            }
        }

        /** The order of {@code doc}'s lines; throws when the numbers are not each of {@code 0 … outputLines-1} once. */
        static LineOrder of(RunDocument doc) throws RunDocumentException {
            List<Writer> writers = writers(doc);
            long total = 0;
            for (Writer w : writers) {
                total += w.output().size();
            }
            if (doc.outputLines() > total) {
                throw broken("outputLines", "the run wrote " + doc.outputLines() + " lines, but the processes hold "
                        + total);
            }
            int size = (int) doc.outputLines();
            int[] writer = new int[size];
            int[] index = new int[size];
            java.util.Arrays.fill(writer, -1);
            for (int w = 0; w < writers.size(); w++) {
                List<RunDocument.Line> lines = writers.get(w).output();
                for (int k = 0; k < lines.size(); k++) {
                    RunDocument.Line l = lines.get(k);
                    if (l.n() < 0) {
                        throw broken(writers.get(w).where(k), "the field \"n\" is missing");
                    }
                    if (l.n() >= size) {
                        throw broken(writers.get(w).where(k) + ".n", "line " + l.n()
                                + " is past the run's last line (outputLines is " + size + ")");
                    }
                    int n = (int) l.n();
                    if (writer[n] < 0) {
                        writer[n] = w;
                        index[n] = k;
                    } else {
                        Writer first = writers.get(writer[n]);
                        if (first.pid() != writers.get(w).pid() || !first.output().get(index[n]).equals(l)) {
                            throw broken(writers.get(w).where(k) + ".n", "line " + n + " is given twice (first at "
                                    + first.where(index[n]) + ")");
                        }
                    }
                }
            }
            for (int n = 0; n < size; n++) {
                if (writer[n] < 0) {
                    throw broken("outputLines", "line " + n + " of the run's " + size + " lines is missing");
                }
            }
            return new LineOrder(writers, writer, index);
        }

        private static List<Writer> writers(RunDocument doc) {
            List<Writer> writers = new ArrayList<>();
            for (int i = 0; i < doc.processes().size(); i++) {
                RunDocument.Process p = doc.processes().get(i);
                if (p.pid() != null) {
                    writers.add(new Writer(p.pid(), p.output(), "processes[" + i + "]"));
                }
            }
            for (int i = 0; i < doc.otherOutput().size(); i++) {
                RunDocument.OtherOutput o = doc.otherOutput().get(i);
                writers.add(new Writer(o.pid(), o.output(), "otherOutput[" + i + "]"));
            }
            return writers;
        }
    }
}
