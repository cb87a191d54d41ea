package org.processlab.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.processlab.model.StartMethod;
import org.processlab.export.ChromeTrace;
import org.processlab.export.RunDocument;
import org.processlab.export.RunDocumentWriter;
import org.processlab.export.RunOrigin;
import org.processlab.lesson.LessonLibrary;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;
import org.processlab.run.SyntaxCheck;
import org.processlab.run.SyntaxProblem;
import org.processlab.run.RunSpec;

/**
 * {@code processlab run TARGET [options] [-- ARGS...]}: runs a lesson's example or a program headless
 * and reports every process. Exit code: the root's status as a shell reports it; when ProcessLab itself
 * fails, a sysexits.h code with the reason on stderr: 64 bad arguments, 65 a file that is not a program we run (a
 * folder, too large, not Python, not UTF-8; {@link org.processlab.lesson.ProgramFile}), 66 no such lesson or file
 * (or one that cannot be read),
 * 69 no usable interpreter, 70 the run broke, 71 ProcessLab's supervisor was killed before the run ended (the program
 * can do that: its main process's parent is the supervisor), so some processes were lost from view (what ended them,
 * and whether a last look found none left, is said on stderr), 73 the trace file cannot be written.
 *
 * <p>A lesson's expectations (its {@code expect}) are checked as the window checks them ({@link ExpectationsReport}):
 * the text report ends with them, the document's {@code expectations} holds them. With {@code --check} the exit code
 * says whether they held, for an instructor's CI of their own lessons: 0 when every promise held, 1
 * ({@link #EX_EXPECTATIONS}) when one did not or they could not be checked (the run was stopped); the program's own
 * status is then in the report. ProcessLab's own failures (64–73) keep their codes; a target that expects nothing
 * keeps the program's status, with a note.
 *
 * <p>Ctrl+C interrupts the program as at a terminal ({@link CtrlC}): SIGINT, then SIGTERM, then SIGKILL; the CLI waits
 * for the run's end, prints the report and exits with the program's own status (0 when it handled the interrupt and
 * ended well, 130 when SIGINT ended it).
 *
 * <p>The CLI's stdin goes to the program ({@link StdinPassThrough}). In text mode the output is printed as it comes
 * ({@link LiveOutput}), a prompt without its newline included, so a person at a terminal sees the question before
 * answering it. When the program left its input unread so long that more than 1 MiB waited and the rest was dropped,
 * the CLI says so once on stderr, with the bytes dropped, when the run has ended.
 */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64, exitCodeOnExecutionException = 70,
        description = "Run a lesson's example or a Python file as real processes and report each one.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0-255:the program's own, as a shell reports it (128+N: ended by signal N); with --check, for a lesson that"
                        + " expects something, 0 or 1 instead:",
                "0:with --check: everything the lesson promises (its expect) held",
                "1:with --check: something the lesson promises did not hold, or it could not be checked (the run was"
                        + " stopped, or ran with arguments of your own); stderr says which",
                "64:bad arguments", "65:a file that is not a program ProcessLab runs",
                "66:no such lesson or file", "69:no usable Python interpreter", "70:the run broke",
                "71:ProcessLab's supervisor was killed before the run ended (the program can do that: its main"
                        + " process's parent is the supervisor); its processes were lost from view, and stderr says"
                        + " what ended them",
                "73:the Chrome trace cannot be written"})
public final class RunCommand implements Callable<Integer> {
    /** Exit codes when ProcessLab itself fails (sysexits.h). */
    static final int EX_USAGE = 64;
    static final int EX_DATAERR = 65;
    static final int EX_NOINPUT = 66;
    static final int EX_UNAVAILABLE = 69;
    static final int EX_SOFTWARE = 70;
    /** sysexits.h's EX_OSERR: the run's supervisor was killed before the run ended; its processes were lost from view. */
    static final int EX_OSERR = 71;
    static final int EX_CANTCREAT = 73;
    /**
     * With {@code --check}: something the lesson promises did not hold, or could not be checked. 1, as test runners
     * answer a failed test: under {@code --check} the program's own status is not the exit code, so 1 means only this.
     */
    static final int EX_EXPECTATIONS = 1;
    /** How long an interrupted CLI waits for the run to end and its report to be printed. */
    static final Duration REPORT_ON_EXIT = Duration.ofSeconds(6);

    @Parameters(index = "0", paramLabel = "TARGET", description = "a lesson folder (lessons/02-first-processes), a lesson id (02-first-processes), its number (2) or name (first-processes), or a .py file")
    String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the program (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--start-method", description = "default start method: fork, spawn or forkserver")
    String startMethod;

    @Option(names = "--python", description = "the Python interpreter to use")
    String python;

    @Option(names = "--lessons", description = "the lessons folder (default: ./lessons or the built-in lessons)")
    Path lessons;

    @Option(names = "--time-limit", description = "end the whole run after this many seconds")
    Double timeLimit;

    @Option(names = "--max-processes", description = "most processes a run may create (default: 256)")
    Integer maxProcesses;

    @Option(names = "--nice", paramLabel = "N", description = "run the program N steps of niceness below ProcessLab, 0 to 19 (default: 0; the window starts a run at"
            + " its own priority and lowers it 10 steps only once it turns busy)")
    Integer nice;

    @Option(names = "--no-cgroups", description = "hold the run's processes by ProcessLab's sweep, not in cgroups of"
            + " their own (as where there are none; also -Dprocesslab.cgroups=off or PROCESSLAB_CGROUPS=off)")
    boolean noCgroups;

    @Option(names = "--check", description = "exit 0 when everything the lesson promises (its expect) held in this run,"
            + " 1 when something did not or could not be checked, instead of the program's own status (for a CI of"
            + " your own lessons; the report says each promise either way; what expects nothing keeps the program's"
            + " status)")
    boolean check;

    @Option(names = "--chrome-trace", paramLabel = "FILE", description = "also write the run as Chrome Trace Event JSON (opens in Perfetto)")
    Path chromeTrace;

    /** What the program reads as its stdin, passed through as it comes; null: the program's stdin is /dev/null. */
    private final InputStream stdin;
    private final PrintStream stdout;
    /** How the text report prints output lines (the run's lesson paths; escapes only to a terminal). */
    private OutputText outputText = OutputText.AS_WRITTEN;
    private final PrintStream stderr;

    /** A command reading the process's stdin (passed to the program) and writing to its stdout and stderr. */
    public RunCommand() {
        this(System.in, System.out, System.err);
    }

    RunCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            return failEarly(EX_USAGE, "--format must be text or json, not '" + format + "'");
        }
        StartMethod method = startMethod == null ? null : StartMethod.fromWire(startMethod).orElse(null);
        if (startMethod != null && method == null) {
            return failEarly(EX_USAGE, "--start-method must be fork, spawn or forkserver, not '" + startMethod + "'");
        }
        if (timeLimit != null && !(timeLimit > 0)) {
            return failEarly(EX_USAGE, "--time-limit must be a positive number of seconds");
        }
        if (maxProcesses != null && maxProcesses < 1) {
            return failEarly(EX_USAGE, "--max-processes must be at least 1");
        }
        if (nice != null && (nice < 0 || nice > 19)) {
            return failEarly(EX_USAGE, "--nice must be a whole number from 0 to 19");
        }
        if (chromeTrace != null) {
            Path dir = chromeTrace.toAbsolutePath().getParent();
            if (dir == null || !java.nio.file.Files.isDirectory(dir) || !java.nio.file.Files.isWritable(dir)
                    || java.nio.file.Files.isDirectory(chromeTrace)) {
                return failEarly(EX_CANTCREAT, "cannot write the Chrome trace to " + chromeTrace + ": "
                        + (dir == null || !java.nio.file.Files.isDirectory(dir) ? "its folder does not exist"
                        : java.nio.file.Files.isDirectory(chromeTrace) ? "it is a folder" : "its folder is not writable"));
            }
        }
        RunTarget t;
        try {
            t = RunTarget.resolve(target, lessons != null ? lessons : LessonLibrary.defaultRoot());
        } catch (RunTarget.BadTarget e) {
            return failEarly(e.exitCode(), e.getMessage());
        }
        if (t.example() != null && !t.example().isMeantFor(method)) {
            stderr.println("processlab: note: this lesson's example is meant for " + String.join(", ", t.example().startMethods())
                    + "; under " + startMethod + " what the lesson says may not hold");
        }
        if (check && (t.example() == null || t.example().expect() == null)) {
            stderr.println("processlab: note: --check: " + (t.example() == null ? "a program of your own" : "this lesson")
                    + " expects nothing (no expect), so nothing is checked; the exit status is the program's own");
        }
        PythonInterpreter py;
        try {
            py = PythonInterpreter.locate(python);
        } catch (InterpreterNotFoundException e) {
            return failEarly(EX_UNAVAILABLE, e.getMessage());
        }
        // As the window does: no process starts before the interpreter's own compile() has passed (a lesson's
        // promises about a program that cannot run would all fail for nothing)
        Optional<SyntaxProblem> problem;
        try {
            problem = SyntaxCheck.check(py, t.program());
        } catch (java.io.UncheckedIOException e) {
            problem = Optional.empty();     // the run says what is wrong with the file itself
        }
        if (problem.isPresent()) {
            return failEarly(EX_DATAERR, shownPath(t) + ": " + problem.get().text() + ". Nothing was run.");
        }
        List<String> programArgs = args.isEmpty() ? t.args() : args;
        example = t.example();
        ownArguments = !programArgs.equals(t.args());
        RunSpec spec = PythonTrack.spec(py, t.program(), programArgs, method, t.title());
        origin = new RunOrigin(t.lessonId(), t.program().toAbsolutePath().toString(), programArgs);
        outputText = OutputText.forStdout(org.processlab.model.ShownPaths.forProgram(t.program()));
        if (timeLimit != null) {
            spec = spec.withTimeLimit(Duration.ofMillis((long) (timeLimit * 1000)));
        }
        if (maxProcesses != null) {
            spec = spec.withMaxProcesses(maxProcesses);
        }
        if (nice != null) {
            spec = spec.withNice(nice);
        }
        if (stdin != null) {
            spec = spec.withStdinFromApp();
        }
        if (noCgroups) {
            spec = spec.withCgroups(false);
        }
        spec = spec.withIgnoredSignalsPassedOn();     // a shell passes on what it was started with ignored (nohup)
        RunModel model = new RunModel();
        RunSession session = RunSession.start(spec, model);
        if (stdin != null) {
            StdinPassThrough.start(stdin, session);
        }
        if (format.equals("text")) {
            live = new LiveOutput(model, stdout, t.title(), outputText);
        }
        // Ctrl+C interrupts the run, as it would the program at a terminal (CtrlC): the report follows the run's end
        CtrlC ctrlC = CtrlC.install(session, stderr);
        // SIGTERM or SIGHUP (and Ctrl+C when SIGINT was ignored at start: it never comes): the JVM's shutdown ends the
        // run (RunSession's own hook); this hook holds the exit until the report of what ran so far is out (at most
        // REPORT_ON_EXIT)
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread holdExit = new Thread(() -> {
            try {
                reported.await(REPORT_ON_EXIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "processlab-report-on-exit");
        Runtime.getRuntime().addShutdownHook(holdExit);
        try {
            return finish(session, spec, model);
        } finally {
            ctrlC.close();
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(holdExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the report is out
            }
        }
    }

    private int finish(RunSession session, RunSpec spec, RunModel model) {
        RunSnapshot end;
        try {
            end = session.ended().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (live != null) {
                live.stop(model.snapshot());
            }
            stderr.println("processlab: the run broke: " + e.getCause());
            return EX_SOFTWARE;
        }
        RunDocument.Expectations expectations = ExpectationsReport.of(example, ownArguments, end, model.output());
        report(end, model, expectations);
        if (end.inputDroppedBytes() > 0) {
            stderr.println("processlab: " + inputDroppedMessage(end.inputDroppedBytes()));
        }
        if (end.stoppedBy() != null) {
            stderr.println("processlab: " + stopMessage(end, spec));
        }
        if (end.supervisorLost() != null) {
            stderr.println("processlab: " + lossMessage(end));
        }
        if (chromeTrace != null) {
            try (OutputStream f = new BufferedOutputStream(java.nio.file.Files.newOutputStream(chromeTrace))) {
                ChromeTrace.write(end, model.output(), f);
            } catch (IOException e) {
                stderr.println("processlab: cannot write the Chrome trace to " + chromeTrace + ": " + e);
                return EX_CANTCREAT;
            }
        }
        if (end.error() != null) {
            stderr.println("processlab: " + end.error());
            return EX_SOFTWARE;
        }
        if (end.supervisorLost() != null) {
            return EX_OSERR;
        }
        if (check && expectations != null) {
            return checked(expectations);
        }
        return end.rootStatus() == null ? EX_SOFTWARE : end.rootStatus();
    }

    /** {@code --check}'s exit code for a lesson's expectations, with one line on stderr when they did not all hold. */
    private int checked(RunDocument.Expectations e) {
        if (e.notChecked() != null) {
            stderr.println("processlab: --check: the lesson's expectations were not checked: " + e.notChecked());
            return EX_EXPECTATIONS;
        }
        long failed = e.results().stream().filter(r -> !r.held()).count();
        if (failed > 0) {
            stderr.println("processlab: --check: " + ExpectationsReport.verdict((int) failed, e.results().size())
                    + " (the report lists them)");
            return EX_EXPECTATIONS;
        }
        return 0;
    }

    private void report(RunSnapshot end, RunModel model, RunDocument.Expectations expectations) {
        if (format.equals("json")) {
            OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
            try {
                RunDocumentWriter.write(RunDocument.of(end, model.output(), origin, expectations), out);
            } catch (IOException e) {
                stderr.println("processlab: cannot write the report: " + e.getMessage());
            }
        } else {
            if (live != null) {
                live.stop(end);
            } else {
                stdout.println("Run: " + end.title());
                TextReport.writeOutput(end, model.output(), 0, stdout, outputText);
            }
            TextReport.writeEnd(end, model.output(), stdout);
            ExpectationsReport.write(expectations, stdout);
        }
        stdout.flush();
    }

    /** Text mode: the run's output as it happens. */
    private LiveOutput live;
    /** What is run, for the document. */
    private RunOrigin origin = RunOrigin.NONE;
    /** The lesson's example that is run, whose expectations are checked; null for a program of one's own. */
    private org.processlab.lesson.Example example;
    /** True when the command line's arguments replaced the lesson's: its expectations are then not checked. */
    private boolean ownArguments;

    /** What the CLI says once, at the run's end, when the program left its input unread and some was dropped. */
    static String inputDroppedMessage(long bytes) {
        return String.format(java.util.Locale.ROOT, "the program did not read its input: %,d bytes were dropped "
                + "(at most 1 MiB of input the program has not read is kept)", bytes);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * Why the run was stopped, in words, with the option that sets the limit, and whether every process was seen to
     * end: said only when the supervisor reaped them all, or a last look after its loss found none left.
     */
    static String stopMessage(RunSnapshot end, RunSpec spec) {
        org.processlab.model.SupervisorLoss lost = end.supervisorLost();
        String ended = lost == null || lost.verifiedGone() ? "every process of the run was ended"
                : "ProcessLab could not verify that every process of the run was ended (see below)";
        return switch (end.stoppedBy()) {
            case PROCESS_LIMIT -> (end.processesPastLimit() == 0 && end.forksRefused() > 0
                    // the kernel's pids controller counted: tasks, threads included (as the README says)
                    ? "stopped the run: it reached its limit of " + spec.maxProcesses() + " tasks, processes and"
                            + " threads together as the kernel counts them"
                    : "stopped the run: it made more than " + spec.maxProcesses() + " processes")
                    + " (the limit; --max-processes N sets it)"
                    + (end.processesPastLimit() > 0 ? "; " + count(end.processesPastLimit(), "more was", "more were")
                            + " made before the stop" : "")
                    + (end.forksRefused() > 0 ? "; the kernel refused "
                            + count(end.forksRefused(), "new process or thread", "new processes or threads")
                            + " at the limit" : "")
                    + "; " + ended;
            case TIME_LIMIT -> "stopped the run: it ran past its time limit of "
                    + (spec.timeLimit() == null ? "?" : spec.timeLimit().toMillis() / 1000.0 + " s")
                    + " (--time-limit SECONDS); " + ended;
            case USER -> "stopped the run on request; " + ended;
            case INTERRUPT -> "interrupted the run: SIGINT to the program's processes, as Ctrl+C at a terminal sends;"
                    + " the exit status is the program's own";
        };
    }

    /** What happened when the run's supervisor ended before the run: who ended it, what was lost, what ended it. */
    static String lossMessage(RunSnapshot end) {
        org.processlab.model.SupervisorLoss l = end.supervisorLost();
        String how = l.byProcessLab() ? "did not end the run in time and was killed by ProcessLab"
                : l.signal() != null ? "was killed (" + l.signal() + "), not by ProcessLab: by the program (its main"
                + " process's parent is the supervisor) or by someone else"
                : "ended (status " + l.exitStatus() + ") before the run did";
        int lost = end.lostProcesses();
        String what = lost == 1 ? "1 process was lost from view" : lost + " processes were lost from view";
        String by = "cgroup".equals(l.endedBy()) ? "the run's cgroup (frozen and killed whole)"
                : "sweep".equals(l.endedBy()) ? "a sweep (SIGSTOP, then SIGKILL, to every process with the run's marker"
                + " or in its session)" : "ProcessLab's safety net";
        String check = l.left() == 0 ? "a last look found none of the run's processes left"
                : l.left() > 0 ? l.left() + " of the run's processes could not be ended"
                : "ProcessLab could not check that none is left";
        return "the run's supervisor " + how + "; " + what + " (their end was not seen) and ended by " + by
                + (l.found() >= 0 ? ", which found " + l.found() : "") + "; " + check;
    }

    /** ProcessLab failed before running anything: say why on stderr (and in the JSON's error field). */
    /** The program as a person named it: a lesson's file under its course's folder name, else the path given. */
    private Path shownPath(RunTarget t) {
        Path root = (lessons != null ? lessons : LessonLibrary.defaultRoot()).toAbsolutePath().normalize();
        Path file = t.program().toAbsolutePath().normalize();
        if (t.lessonId() != null && file.startsWith(root) && root.getFileName() != null) {
            return root.getFileName().resolve(root.relativize(file));
        }
        return t.program();
    }

    private int failEarly(int code, String message) {
        stderr.println("processlab: " + message);
        if ("json".equals(format)) {
            stdout.println(errorJson(message));
            stdout.flush();
        }
        return code;
    }

    /** The JSON document of a run that could not start: {@code error} says why, nothing ran. */
    static String errorJson(String message) {
        return errorJson(message, null);
    }

    /**
     * The JSON document of a failure: {@code error} says why, {@code errorKind} (left out when null) which kind of
     * failure it is, for a script ({@link SavedRunProblem#kind()}); nothing ran.
     */
    static String errorJson(String message, String kind) {
        return "{\"formatVersion\": " + RunDocument.FORMAT_VERSION + ", \"exitCode\": null, \"error\": " + quote(message)
                + (kind == null ? "" : ", \"errorKind\": " + quote(kind)) + ", \"stoppedBy\": null, \"processes\": []}";
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            return "\"\"";
        }
    }
}
