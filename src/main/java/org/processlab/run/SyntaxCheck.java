package org.processlab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a Python program compiles, with the interpreter that will run it: {@code assets/tracer/check_syntax.py}
 * under {@code python3 -I -S} compiles the file ({@code compile(source, file, 'exec')}) and runs none of it. The
 * window calls it before any process of a run starts, so a syntax error is shown at its line instead of as a
 * traceback.
 *
 * <p>Threading: blocks until the check ends (tens of milliseconds; at most the timeout): call it off the UI thread.
 * Stateless.
 */
public final class SyntaxCheck {
    /** How long a check may take before it is ended and the program counts as unchecked. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntaxCheck() {
    }

    /**
     * Where {@code file} does not compile under {@code python}, or empty when it compiles — or when the check could
     * not tell (it timed out or crashed): the run then goes ahead and the interpreter reports whatever it finds.
     *
     * @throws UncheckedIOException when the file cannot be read or the interpreter cannot be started
     */
    public static Optional<SyntaxProblem> check(PythonInterpreter python, Path file) {
        Path script = Assets.tracerDir().resolve("check_syntax.py");
        List<String> command = List.of(python.executable().toString(), "-I", "-S", script.toString(),
                file.toAbsolutePath().toString());
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the program's syntax: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            // its output is one short line: it fits in the pipe, so waiting first cannot block the check
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 2) {
                String why = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new UncheckedIOException(new IOException(why.isEmpty() ? "cannot read " + file : why));
            }
            return p.exitValue() == 0 ? parse(out) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        }
    }

    /** The check's output line as a problem; empty for no output (the program compiles). */
    static Optional<SyntaxProblem> parse(String line) throws IOException {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        JsonNode j = JSON.readTree(line);
        return Optional.of(new SyntaxProblem(j.path("line").asInt(1), j.path("column").asInt(0),
                WireFields.text(j, "message"), WireFields.text(j, "kind")));
    }
}
