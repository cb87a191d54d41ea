package org.processlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.processlab.model.ChannelRefusal;
import org.processlab.model.ChannelRefusals;
import org.processlab.model.Containment;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.Role;
import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;

/**
 * Reads a run document ({@link RunDocument} gives its shape, {@code src/RUN-FORMAT.md} every field) back into a
 * {@link RunDocument}, streamed: one output line at a time, never a tree of the whole document.
 *
 * <p>What it accepts: every document of format 1 to 4 ({@link RunDocument#FORMAT_VERSION}), and documents that
 * differ from one only in field order, white space, fields this version does not know (skipped), and fields that may be
 * null being left out (read as null; {@code untraced}, {@code open} and {@code shared} as false). A document without
 * {@code formatVersion} is format 1; in it every field format 2 added may be left out; before format 3,
 * {@code refusedConnections} may be left out (no kinds: {@link ChannelRefusals#NONE}).
 *
 * <p>What it rejects, with a {@link RunDocumentException} whose {@link RunDocumentException#kind() kind} says which:
 * <ul>
 *   <li>{@code NEWER_VERSION}: a {@code formatVersion} above {@link RunDocument#FORMAT_VERSION}, as soon as it is
 *       read (the writer puts it first);</li>
 *   <li>{@code TOO_LARGE}: over one of the {@link ReadLimits} (bytes, nesting, processes, lines, a text's length);</li>
 *   <li>{@code BROKEN}: anything that is not one JSON object, a document cut short, a field given twice, a missing
 *       field that may not be null, a value of the wrong type (a time must be a number, every other number an integer
 *       in range), a name outside the closed set its field allows (a role, a state, a stream, a status), and parts
 *       that do not fit together ({@link DocumentChecks}: a join's child that is no process, line numbers {@code n}
 *       that are not each of {@code 0 … outputLines-1} once).</li>
 * </ul>
 * The whole document is read and checked before anything is returned: never half a run.
 *
 * <p>Each call reads on the caller's thread with a parser of its own; calls on several threads do not interfere.
 */
public final class RunDocumentReader {
    private final DocumentCursor in;
    private final ReadLimits limits;
    /** Output lines read so far, every process's together. */
    private long lines;
    /** Processes read so far. */
    private int processes;

    private RunDocumentReader(DocumentCursor in, ReadLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /**
     * Reads the document in {@code file} (UTF-8). A file over {@link ReadLimits#MAX_BYTES} is refused before a byte
     * of it is read.
     *
     * @throws RunDocumentException when it is not a run document this version reads
     * @throws IOException          when the file cannot be read
     */
    public static RunDocument read(Path file) throws IOException {
        return read(file, ReadLimits.DEFAULT);
    }

    static RunDocument read(Path file, ReadLimits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.bytes()) {
            throw new RunDocumentException(RunDocumentException.Kind.TOO_LARGE,
                    ReadLimits.tooManyBytes(size, limits.bytes(), true), "", -1, -1, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limits);
        }
    }

    /**
     * Reads the document in {@code in} (UTF-8, or any encoding JSON allows) up to its end; {@code in} stays open.
     *
     * @throws RunDocumentException when it is not a run document this version reads
     * @throws IOException          when {@code in} fails
     */
    public static RunDocument read(InputStream in) throws IOException {
        return read(in, ReadLimits.DEFAULT);
    }

    static RunDocument read(InputStream in, ReadLimits limits) throws IOException {
        try (DocumentCursor cursor = new DocumentCursor(in, limits)) {
            RunDocument doc = cursor.readAll(new RunDocumentReader(cursor, limits)::run);
            DocumentChecks.check(doc);
            return doc;
        }
    }

    private RunDocument run() throws IOException {
        in.startObject("a run document is one JSON object");
        Integer version = null;
        Integer exitCode = null;
        String error = null;
        StopReason stoppedBy = null;
        String title = null;
        List<String> startMethods = null;
        Long outputLines = null;
        Long rejectedConnections = null;
        List<RunDocument.Process> processes = null;
        RunStatus status = null;
        Long startTime = null;
        Double endedAt = null;
        Double now = null;
        String startMethodAsked = null;
        Long supervisorPid = null;
        RunDocument.PriorityChange priority = null;
        Long inputDropped = null;
        List<RunDocument.Unfinished> unfinished = null;
        List<RunDocument.OtherOutput> otherOutput = null;
        RunOrigin origin = null;
        ChannelRefusals refused = null;
        Containment containment = null;
        Long pastLimit = null;
        Long forksRefused = null;
        RunDocument.SupervisorLost lost = null;
        RunDocument.Expectations expectations = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "formatVersion" -> version = formatVersion();
                case "exitCode" -> exitCode = in.exitCodeOrNull();
                case "error" -> error = in.textOrNull();
                case "stoppedBy" -> stoppedBy = in.isNull() ? null
                        : in.oneOf(StopReason.values(), StopReason::id, "reason for a stop");
                case "title" -> title = in.textOrNull();
                case "startMethods" -> startMethods = in.texts();
                case "outputLines" -> outputLines = in.integer();
                case "rejectedConnections" -> rejectedConnections = in.integer();
                case "processes" -> processes = in.list(this::process);
                case "status" -> status = in.isNull() ? null
                        : in.oneOf(RunStatus.values(), DocumentNames::status, "run status");
                case "startTime" -> startTime = in.isNull() ? null : instant();
                case "endedAt" -> endedAt = in.secondsOrNull();
                case "now" -> now = in.secondsOrNull();
                case "startMethodAsked" -> startMethodAsked = in.textOrNull();
                case "supervisorPid" -> supervisorPid = in.integerOrNull();
                case "priorityLowered" -> priority = in.isNull() ? null : priority();
                case "inputDroppedBytes" -> inputDropped = in.integer();
                case "unfinishedLines" -> unfinished = in.list(this::unfinished);
                case "otherOutput" -> otherOutput = in.list(this::otherOutput);
                case "origin" -> origin = in.isNull() ? null : origin();
                case "refusedConnections" -> refused = refusals();
                case "containment" -> containment = in.isNull() ? null
                        : in.oneOf(Containment.values(), Containment::id, "containment");
                case "processesPastLimit" -> pastLimit = in.integer();
                case "forksRefused" -> forksRefused = in.integerOrNull();
                case "supervisorLost" -> lost = in.isNull() ? null : supervisorLost();
                case "expectations" -> expectations = in.isNull() ? null : expectations();
                default -> in.skip();
            }
        }
        if (error != null && startMethods == null && processes != null && processes.isEmpty()) {
            // what run --format json prints when nothing could run: a script's answer, not a run
            throw in.broken("it holds no run, only why one could not start: " + error);
        }
        int v = version == null ? 1 : version;
        boolean v2 = v >= 2;
        return new RunDocument(v, exitCode, error, stoppedBy, title, in.required(startMethods, "startMethods"),
                in.required(outputLines, "outputLines"), in.required(rejectedConnections, "rejectedConnections"),
                in.required(processes, "processes"), v2 ? in.required(status, "status") : status, startTime,
                endedAt, v2 ? in.required(now, "now") : now, startMethodAsked, supervisorPid, priority,
                v2 ? in.required(inputDropped, "inputDroppedBytes") : inputDropped == null ? 0 : inputDropped,
                v2 ? in.required(unfinished, "unfinishedLines") : unfinished == null ? List.of() : unfinished,
                v2 ? in.required(otherOutput, "otherOutput") : otherOutput == null ? List.of() : otherOutput,
                origin == null ? RunOrigin.NONE : origin,
                v >= 3 ? in.required(refused, "refusedConnections") : refused == null ? ChannelRefusals.NONE : refused,
                containment, pastLimit == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, pastLimit)),
                forksRefused, lost, expectations);
    }

    /** A lesson's expectations checked: {@code held} is what the results say, and must say so where it is given. */
    private RunDocument.Expectations expectations() throws IOException {
        in.startObject("a lesson's expectations checked");
        Boolean held = null;
        boolean heldSaid = false;
        String notChecked = null;
        List<RunDocument.Expected> results = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "held" -> {
                    heldSaid = true;
                    held = in.isNull() ? null : in.bool();
                }
                case "notChecked" -> notChecked = in.textOrNull();
                case "results" -> results = in.list(this::expected);
                default -> in.skip();
            }
        }
        RunDocument.Expectations e = new RunDocument.Expectations(notChecked, in.required(results, "results"));
        if (heldSaid && !java.util.Objects.equals(held, e.held())) {
            throw in.broken("expectations: held is " + held + " but its results say " + e.held());
        }
        return e;
    }

    private RunDocument.Expected expected() throws IOException {
        in.startObject("a promise of a lesson and what did not hold of it");
        String promise = null;
        Boolean held = null;
        List<String> problems = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "promise" -> promise = in.text();
                case "held" -> held = in.bool();
                case "problems" -> problems = in.texts();
                default -> in.skip();
            }
        }
        RunDocument.Expected r = new RunDocument.Expected(in.required(promise, "promise"),
                in.required(problems, "problems"));
        if (held != null && held != r.held()) {
            throw in.broken("a promise's held is " + held + " but it has " + r.problems().size() + " problem(s)");
        }
        return r;
    }

    private RunDocument.SupervisorLost supervisorLost() throws IOException {
        in.startObject("what became of a lost supervisor");
        Double t = null;
        Integer exitStatus = null;
        String signal = null;
        String endedBy = null;
        int found = -1;
        int left = -1;
        boolean byProcessLab = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "exitStatus" -> exitStatus = in.exitCodeOrNull();
                case "signal" -> signal = in.textOrNull();
                case "endedBy" -> endedBy = in.textOrNull();
                case "found" -> found = in.smallInteger("a count of processes");
                case "left" -> left = in.smallInteger("a count of processes");
                case "byProcessLab" -> byProcessLab = in.bool();
                default -> in.skip();
            }
        }
        return new RunDocument.SupervisorLost(in.required(t, "t"), in.required(exitStatus, "exitStatus"), signal,
                endedBy, found, left, byProcessLab);
    }

    /** The format's version: a newer one than this ProcessLab reads is refused here, before anything else is read. */
    private int formatVersion() throws IOException {
        int v = in.smallInteger("a format version");
        if (v > RunDocument.FORMAT_VERSION) {
            throw new RunDocumentException(RunDocumentException.Kind.NEWER_VERSION, "made by a newer ProcessLab: format "
                    + v + "; this one reads formats 1\u2013" + RunDocument.FORMAT_VERSION, "", -1, -1, null);
        }
        if (v < 1) {
            throw in.broken("there is no format " + v + " (formats begin at 1)");
        }
        return v;
    }

    private long instant() throws IOException {
        String text = in.text();
        Long micros = DocumentNames.micros(text);
        if (micros == null) {
            throw in.broken("\"" + text + "\" is not a time in UTC such as 2026-12-07T04:28:07.123456Z");
        }
        return micros;
    }

    private RunDocument.Process process() throws IOException {
        in.startObject("a process");
        Long pid = null;
        Long startTicks = null;
        Long ppid = null;
        Long parent = null;
        Role role = null;
        String name = null;
        String label = null;
        String target = null;
        Boolean alive = null;
        boolean aliveSaid = false;
        Double lostAt = null;
        Integer exitCode = null;
        String signal = null;
        Boolean orphan = null;
        Boolean traced = null;
        String startMethod = null;
        String helperKind = null;
        Double startedAt = null;
        Double endedAt = null;
        Double reapedAt = null;
        List<RunDocument.StateSpan<LifeState>> states = null;
        List<RunDocument.StateSpan<KernelStateKind>> kernelStates = null;
        List<RunDocument.Line> output = null;
        Long standIn = null;
        String args = null;
        String command = null;
        boolean daemon = false;
        Double startCalledAt = null;
        Double orphanedAt = null;
        Integer depth = null;
        List<RunDocument.Join> joins = null;
        RunDocument.StartFailed startFailed = null;
        List<RunDocument.Exec> execs = null;
        boolean named = false;
        String shownLabel = null;
        boolean shownLabelSaid = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "pid" -> pid = in.integerOrNull();
                case "startTicks" -> startTicks = in.integer();
                case "ppid" -> ppid = in.integerOrNull();
                case "parent" -> parent = in.integer();
                case "role" -> role = in.oneOf(Role.values(), Role::id, "role");
                case "name" -> name = in.textOrNull();
                case "label" -> label = in.textOrNull();
                case "target" -> target = in.textOrNull();
                case "alive" -> {
                    aliveSaid = true;
                    alive = in.isNull() ? null : in.bool();
                }
                case "lostAt" -> lostAt = in.secondsOrNull();
                case "exitCode" -> exitCode = in.exitCodeOrNull();
                case "signal" -> signal = in.textOrNull();
                case "orphan" -> orphan = in.bool();
                case "traced" -> traced = in.bool();
                case "startMethod" -> startMethod = in.textOrNull();
                case "helperKind" -> helperKind = in.textOrNull();
                case "startedAt" -> startedAt = in.secondsOrNull();
                case "endedAt" -> endedAt = in.secondsOrNull();
                case "reapedAt" -> reapedAt = in.secondsOrNull();
                case "states" -> states = in.list(() -> span(LifeState.values(), LifeState::id, "lifecycle state"));
                case "kernelStates" -> kernelStates = in.list(() -> span(KernelStateKind.values(),
                        KernelStateKind::id, "kernel state"));
                case "output" -> output = in.list(this::line);
                case "standIn" -> standIn = in.integerOrNull();
                case "args" -> args = in.textOrNull();
                case "command" -> command = in.textOrNull();
                case "daemon" -> daemon = in.bool();
                case "startCalledAt" -> startCalledAt = in.secondsOrNull();
                case "orphanedAt" -> orphanedAt = in.secondsOrNull();
                case "depth" -> depth = in.isNull() ? null : in.smallInteger("a depth");
                case "joins" -> joins = in.list(this::join);
                case "startFailed" -> startFailed = in.isNull() ? null : startFailed();
                case "execs" -> execs = in.list(this::exec);
                case "named" -> named = in.bool();
                case "shownLabel" -> {
                    shownLabelSaid = true;
                    shownLabel = in.textOrNull();
                }
                default -> in.skip();
            }
        }
        if (processes++ >= limits.processes()) {
            throw in.tooLarge(String.format(java.util.Locale.ROOT, "it has more than %,d processes: a saved run may"
                    + " have at most %,d", limits.processes(), limits.processes()));
        }
        return new RunDocument.Process(pid, in.required(startTicks, "startTicks"), ppid, in.required(parent, "parent"),
                in.required(role, "role"), name, label, target, alive != null || !aliveSaid ? in.required(alive, "alive")
                        : null, exitCode, signal,
                in.required(orphan, "orphan"), in.required(traced, "traced"), startMethod, helperKind, startedAt,
                endedAt, reapedAt, in.required(states, "states"), in.required(kernelStates, "kernelStates"),
                in.required(output, "output"), standIn, args, command, daemon, startCalledAt, orphanedAt, depth,
                joins == null ? List.of() : joins, startFailed, lostAt, execs == null ? List.of() : execs, named,
                shownLabelSaid ? shownLabel : label);
    }

    private RunDocument.Exec exec() throws IOException {
        in.startObject("an exec");
        Double t = null;
        String path = null;
        String command = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "path" -> path = in.textOrNull();
                case "command" -> command = in.textOrNull();
                default -> in.skip();
            }
        }
        return new RunDocument.Exec(in.required(t, "t"), path, command);
    }

    private RunDocument.StartFailed startFailed() throws IOException {
        in.startObject("a start() that raised");
        Double t = null;
        String error = null;
        String message = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "error" -> error = in.textOrNull();
                case "message" -> message = in.textOrNull();
                default -> in.skip();
            }
        }
        return new RunDocument.StartFailed(in.required(t, "t"), in.required(error, "error"), message);
    }

    private <S extends Enum<S>> RunDocument.StateSpan<S> span(S[] states, Function<S, String> id, String what)
            throws IOException {
        in.startObject("a state and its times");
        S state = null;
        Double from = null;
        Double to = null;
        boolean open = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "state" -> state = in.oneOf(states, id, what);
                case "from" -> from = in.seconds();
                case "to" -> to = in.seconds();
                case "open" -> open = in.bool();
                default -> in.skip();
            }
        }
        return new RunDocument.StateSpan<>(in.required(state, "state"), in.required(from, "from"),
                in.required(to, "to"), open);
    }

    private RunDocument.Line line() throws IOException {
        in.startObject("a line of output");
        Double t = null;
        Stream stream = null;
        String text = null;
        boolean untraced = false;
        long n = -1;
        boolean shared = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "stream" -> stream = in.oneOf(Stream.values(), Stream::id, "stream");
                case "text" -> text = in.text();
                case "untraced" -> untraced = in.bool();
                case "n" -> n = lineNumber();
                case "shared" -> shared = in.bool();
                default -> in.skip();
            }
        }
        if (++lines > limits.lines()) {
            throw in.tooLarge(String.format(java.util.Locale.ROOT, "it has more than %,d lines of output: a saved run"
                    + " may have at most %,d", limits.lines(), limits.lines()));
        }
        return new RunDocument.Line(in.required(t, "t"), in.required(stream, "stream"), in.required(text, "text"),
                untraced, n, shared);
    }

    private long lineNumber() throws IOException {
        long n = in.integer();
        if (n < 0) {
            throw in.broken("a line's number n counts from 0, not " + n);
        }
        return n;
    }

    private RunDocument.Join join() throws IOException {
        in.startObject("a join");
        Long child = null;
        Double from = null;
        Double to = null;
        Boolean reaped = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "child" -> child = in.integer();
                case "from" -> from = in.seconds();
                case "to" -> to = in.secondsOrNull();
                case "reaped" -> reaped = in.bool();
                default -> in.skip();
            }
        }
        return new RunDocument.Join(in.required(child, "child"), in.required(from, "from"), to,
                in.required(reaped, "reaped"));
    }

    private ChannelRefusals refusals() throws IOException {
        in.startObject("the refused connections, by kind");
        ChannelRefusals r = ChannelRefusals.NONE;
        while (in.nextField()) {
            ChannelRefusal why = null;
            for (ChannelRefusal k : ChannelRefusal.values()) {
                if (k.jsonName().equals(in.field())) {
                    why = k;
                }
            }
            if (why == null) {
                in.skip();
                continue;
            }
            long n = in.integer();
            if (n < 0) {
                throw in.broken("a count of refused connections is below 0: " + n);
            }
            r = r.with(why, n);
        }
        return r;
    }

    private RunDocument.PriorityChange priority() throws IOException {
        in.startObject("a change of priority");
        Double t = null;
        Integer steps = null;
        String reason = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "steps" -> steps = in.smallInteger("steps of niceness");
                case "reason" -> reason = in.textOrNull();
                default -> in.skip();
            }
        }
        return new RunDocument.PriorityChange(in.required(t, "t"), in.required(steps, "steps"), reason);
    }

    private RunDocument.Unfinished unfinished() throws IOException {
        in.startObject("an unfinished line");
        Double t = null;
        Long pid = null;
        Stream stream = null;
        String text = null;
        Long bytes = null;
        boolean untraced = false;
        boolean shared = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "pid" -> pid = in.integer();
                case "stream" -> stream = in.oneOf(Stream.values(), Stream::id, "stream");
                case "text" -> text = in.text();
                case "bytes" -> bytes = in.integer();
                case "untraced" -> untraced = in.bool();
                case "shared" -> shared = in.bool();
                default -> in.skip();
            }
        }
        return new RunDocument.Unfinished(in.required(t, "t"), in.required(pid, "pid"), in.required(stream, "stream"),
                in.required(text, "text"), in.required(bytes, "bytes"), untraced, shared);
    }

    private RunDocument.OtherOutput otherOutput() throws IOException {
        in.startObject("the output of a writer that is no process of the list");
        Long pid = null;
        List<RunDocument.Line> output = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "pid" -> pid = in.integer();
                case "output" -> output = in.list(this::line);
                default -> in.skip();
            }
        }
        return new RunDocument.OtherOutput(in.required(pid, "pid"), in.required(output, "output"));
    }

    private RunOrigin origin() throws IOException {
        in.startObject("what was run");
        String lesson = null;
        String program = null;
        List<String> arguments = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "lesson" -> lesson = in.textOrNull();
                case "program" -> program = in.textOrNull();
                case "arguments" -> arguments = in.texts();
                default -> in.skip();
            }
        }
        return new RunOrigin(lesson, program, arguments == null ? List.of() : arguments);
    }
}
