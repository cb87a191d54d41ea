package org.processlab.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.processlab.export.RunDocumentWriter;
import org.processlab.export.SavedRun;
import org.processlab.model.RunSnapshot;

/**
 * {@code processlab show RUN.json [--format text|json]}: prints a saved run (the document {@code run --format json}
 * writes, or a run the window saved) as {@code run} reports it: the text report, or the document again in the current
 * format. Exit code 0 when it is shown; when it cannot be, one line on stderr ({@link SavedRunProblem}) and 66 (missing,
 * a folder, unreadable) or 65 (newer, too large, broken); 64 for a bad command line. With {@code --format json} a failure
 * also prints an error document whose {@code errorKind} says which.
 */
@Command(name = "show", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64, exitCodeOnExecutionException = 70,
        description = "Show a saved run (a .json file written by run --format json or by the window) as run reports it.")
public final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN.json", description = "the saved run")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    private final PrintStream stdout;
    private final PrintStream stderr;

    ShowCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            stderr.println("processlab: --format must be text or json, not '" + format + "'");
            return RunCommand.EX_USAGE;
        }
        SavedRun saved;
        try {
            saved = SavedRun.read(file);
        } catch (IOException e) {
            SavedRunProblem problem = SavedRunProblem.of(file, e);
            stderr.println("processlab: " + problem.message());
            if (format.equals("json")) {
                stdout.println(RunCommand.errorJson(problem.message(), problem.kind()));
                stdout.flush();
            }
            return problem.exitCode();
        }
        if (format.equals("json")) {
            OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
            try {
                RunDocumentWriter.write(saved.document(), out);
            } catch (IOException e) {
                stderr.println("processlab: cannot write the document: " + e.getMessage());
                return RunCommand.EX_SOFTWARE;
            }
        } else {
            RunSnapshot run = saved.snapshot();
            stdout.println("Run: " + run.title());
            TextReport.writeOutput(run, saved.output(), 0, stdout, OutputText.forStdout(org.processlab.model.ShownPaths.forSavedRun(saved.origin().lessonId(),
                    saved.origin().program())));
            TextReport.writeEnd(run, saved.output(), stdout);
            ExpectationsReport.write(saved.expectations(), stdout);
        }
        stdout.flush();
        return 0;
    }
}
